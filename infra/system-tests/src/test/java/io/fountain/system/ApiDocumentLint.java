package io.fountain.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;

/**
 * What a client team's tools ask of the API document, checked strictly: OpenAPI
 * Generator's own validation (the parser's messages and its evaluator's errors, with its
 * recommendations on), and the rules that make a generated client pleasant, as Redocly's
 * recommended lint would (an operationId on every operation, unique, in lower camel case;
 * a summary; one tag, declared; a success answer and the problem+json errors declared; no
 * parameter declared twice; the path's parameters and the template agree).
 */
final class ApiDocumentLint {

	private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

	private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

	final List<String> errors = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	final OpenAPI document;

	private ApiDocumentLint(SwaggerParseResult parsed) {
		this.document = parsed.getOpenAPI();
		if (parsed.getMessages() != null) {
			parsed.getMessages().forEach(message -> errors.add("parser: " + message));
		}
		if (document == null) {
			errors.add("not an OpenAPI document");
			return;
		}
		RuleConfiguration rules = new RuleConfiguration();
		rules.setEnableRecommendations(true);
		ValidationResult evaluated = new OpenApiEvaluator(rules).validate(document);
		evaluated.getErrors().forEach(fail -> errors.add("openapi-generator: " + describe(fail)));
		// Its unused-model check names schemas the operations do use (ScriptView, the
		// answer of getScript); the edge keeps only the schemas the operations reach.
		evaluated.getWarnings()
			.stream()
			.filter(warning -> !warning.getMessage().startsWith("Unused model"))
			.forEach(warning -> warnings.add("openapi-generator: " + describe(warning)));
		operations();
	}

	static ApiDocumentLint of(Path document) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		return new ApiDocumentLint(new OpenAPIParser().readLocation(document.toUri().toString(), null, options));
	}

	/** Every operation's id, in the document's order. */
	List<String> operationIds() {
		List<String> ids = new ArrayList<>();
		document.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
		return ids;
	}

	private static String describe(Invalid invalid) {
		return invalid.getMessage() + (invalid.getDetails() == null ? "" : " (" + invalid.getDetails() + ")");
	}

	private void operations() {
		Set<String> declaredTags = new LinkedHashSet<>();
		if (document.getTags() != null) {
			document.getTags().stream().map(Tag::getName).forEach(declaredTags::add);
		}
		Set<String> usedTags = new HashSet<>();
		Map<String, String> ids = new HashMap<>();
		if (document.getExtensions() != null) {
			for (String incomplete : List.of("x-unavailable-services", "x-conflicting-schemas")) {
				if (document.getExtensions().containsKey(incomplete)) {
					errors.add(incomplete + ": " + document.getExtensions().get(incomplete));
				}
			}
		}
		if (document.getSecurity() == null || document.getSecurity().isEmpty()) {
			errors.add("no security requirement");
		}
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
			String name = method + " " + path;
			String id = op.getOperationId();
			if (id == null || !OPERATION_ID.matcher(id).matches()) {
				errors.add(name + ": operationId " + id + " is not lower camel case");
			}
			else if (ids.putIfAbsent(id, name) != null) {
				errors.add(name + ": operationId " + id + " is also " + ids.get(id) + "'s");
			}
			if (op.getSummary() == null || op.getSummary().isBlank()) {
				errors.add(name + ": no summary");
			}
			if (op.getTags() == null || op.getTags().size() != 1) {
				errors.add(name + ": tags " + op.getTags() + ", not one");
			}
			else {
				usedTags.add(op.getTags().get(0));
				if (!declaredTags.contains(op.getTags().get(0))) {
					errors.add(name + ": tag " + op.getTags().get(0) + " is not declared");
				}
			}
			responses(name, op);
			parameters(name, path, item, op);
		}));
		declaredTags.stream()
			.filter(tag -> !usedTags.contains(tag))
			.forEach(tag -> errors.add("tag " + tag + " is declared but no operation has it"));
	}

	private void responses(String name, Operation op) {
		if (op.getResponses() == null || op.getResponses().isEmpty()) {
			errors.add(name + ": no responses");
			return;
		}
		if (op.getResponses().keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
			errors.add(name + ": no 2xx or 3xx response");
		}
		if (op.getResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
			errors.add(name + ": no 4xx response");
		}
		op.getResponses().forEach((code, response) -> {
			ApiResponse resolved = resolve(response);
			if (resolved == null) {
				errors.add(name + ": response " + code + " refers to nothing: " + response.get$ref());
				return;
			}
			if (resolved.getDescription() == null || resolved.getDescription().isBlank()) {
				errors.add(name + ": response " + code + " has no description");
			}
			if ((code.startsWith("4") || code.startsWith("5")) && (resolved.getContent() == null
					|| !resolved.getContent().keySet().equals(Set.of("application/problem+json")))) {
				errors.add(name + ": response " + code + " is not application/problem+json");
			}
		});
	}

	private ApiResponse resolve(ApiResponse response) {
		if (response.get$ref() == null) {
			return response;
		}
		String ref = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
		return document.getComponents().getResponses() == null ? null
				: document.getComponents().getResponses().get(ref);
	}

	private void parameters(String name, String path, PathItem item, Operation op) {
		List<Parameter> all = new ArrayList<>();
		if (item.getParameters() != null) {
			all.addAll(item.getParameters());
		}
		if (op.getParameters() != null) {
			all.addAll(op.getParameters());
		}
		Set<String> seen = new HashSet<>();
		Set<String> inPath = new HashSet<>();
		for (Parameter parameter : all) {
			String key = parameter.getIn() + " " + parameter.getName().toLowerCase();
			if (!seen.add(key)) {
				errors.add(name + ": parameter " + parameter.getName() + " (" + parameter.getIn() + ") declared twice");
			}
			if ("path".equals(parameter.getIn())) {
				inPath.add(parameter.getName());
			}
		}
		Set<String> inTemplate = new HashSet<>();
		Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
		while (matcher.find()) {
			inTemplate.add(matcher.group(1));
		}
		if (!inPath.equals(inTemplate)) {
			errors.add(name + ": path parameters " + inPath + " are not the template's " + inTemplate);
		}
	}

}
