package io.fountain.problems;

import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every JSON string a body holds goes through here (a field, an element of a list, a
 * {@link io.fountain.problems.patch .Patch}'s value), so {@link TextRule} is one rule for
 * every service instead of a check per field. Refused text is an {@link InvalidText},
 * which Jackson gives the JSON path of the value. A body read as a tree
 * ({@code JsonNode}) is not checked: bind it to a type.
 */
final class StrictStrings extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String value = super.deserialize(parser, context);
		Optional<String> problem = value == null ? Optional.empty() : TextRule.problemWith(value);
		if (problem.isPresent()) {
			throw new InvalidText(parser, problem.get());
		}
		return value;
	}

	/** A string {@link TextRule} refuses; {@link #problem()} says why, for the writer. */
	static final class InvalidText extends MismatchedInputException {

		private final String problem;

		InvalidText(JsonParser parser, String problem) {
			super(parser, "Text " + problem, String.class);
			this.problem = problem;
		}

		String problem() {
			return problem;
		}

	}

}
