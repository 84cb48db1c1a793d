package io.fountain.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import io.fountain.problems.ProblemHandling.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule for request bodies, as a client sees it: the body read by the mapper every
 * service gets, and what {@link ProblemHandling} answers when it cannot be read: a 400
 * naming the JSON path and what is wrong there.
 */
class StrictJsonTests {

	private final JsonMapper json = mapper();

	@Test
	void aControlCharacterOrALoneSurrogateAnywhereIsRefusedNamingItsPath() {
		assertThat(refusal("{\"title\": \"a\\u0000b\"}"))
			.isEqualTo(new FieldError("title", "must not contain the control character U+0000 (at character 2)"));
		assertThat(refusal("{\"title\": \"T\", \"lines\": [{\"text\": \"ok\"}, {\"text\": \"\\u001b[31m\"}]}"))
			.isEqualTo(
					new FieldError("lines[1].text", "must not contain the control character U+001B (at character 1)"));
		assertThat(refusal("{\"title\": \"T\", \"authors\": [\"Ada\", \"B\\u0007\"]}").field()).isEqualTo("authors[1]");
		assertThat(refusal("{\"title\": \"T\", \"notes\": {\"n\": \"\\u0001\"}}").field()).isEqualTo("notes.n");
		assertThat(refusal("{\"title\": \"x\\ud800\"}").field()).isEqualTo("title");
		assertThat(refusal("{\"title\": \"x\\ud800\"}").message())
			.startsWith("must not contain a lone surrogate U+D800");
		assertThat(refusal("{\"title\": \"\\udc00x\"}").message())
			.startsWith("must not contain a lone surrogate U+DC00");
		assertThat(refusal("{\"title\": \"\\ud83c\\ud83c\\udfad\"}").message())
			.as("a high surrogate followed by a whole pair")
			.contains("U+D83C (at character 1)");
	}

	@Test
	void tabsLineBreaksPairsAndAnyNormalizationFormAreKeptAsSent() {
		String text = "a\tb\r\nc \ud83c\udfad Jose\u0301 Jos\u00e9 \u007f\u0085";
		Play play = json.readValue(json.writeValueAsString(Map.of("title", text)), Play.class);

		assertThat(play.title()).isEqualTo(text);
	}

	@Test
	void aNullInAListIsRefusedNamingItsIndex() {
		assertThat(refusal("{\"title\": \"T\", \"authors\": [\"Ada\", null]}"))
			.isEqualTo(new FieldError("authors[1]", "must not be null"));
		assertThat(refusal("{\"title\": \"T\", \"lines\": [null]}"))
			.isEqualTo(new FieldError("lines[0]", "must not be null"));
		assertThatNoException().isThrownBy(() -> json.readValue("{\"title\": null, \"authors\": null}", Play.class));
	}

	@Test
	void aFieldNamedTwiceIsRefusedNamingIt() {
		assertThat(refusal("{\"title\": \"A\", \"title\": \"B\"}"))
			.isEqualTo(new FieldError("title", "is given twice: name each field once"));
		assertThat(refusal("{\"title\": \"A\", \"lines\": [{\"text\": \"a\"}, {\"text\": \"a\", \"text\": \"b\"}]}")
			.field()).isEqualTo("lines[1].text");
	}

	@Test
	void invalidUtf8IsRefusedNamingTheValueItIsIn() {
		byte[] overlong = { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}' };

		FieldError error = refusal(new Utf8Bodies.Utf8Check(new ByteArrayInputStream(overlong)));

		assertThat(error)
			.isEqualTo(new FieldError("title", "is not valid UTF-8 at line 1 (byte 12): send the body in UTF-8"));
	}

	@Test
	void theOtherRulesStillSayWhatIsExpected() {
		assertThat(refusal("{\"title\": 5}")).isEqualTo(new FieldError("title", "must be a string"));
		assertThat(refusal("{\"titel\": \"T\"}")).isEqualTo(new FieldError("titel", "is not a known field"));
	}

	private FieldError refusal(String body) {
		return refusal(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	private FieldError refusal(InputStream body) {
		try {
			json.readValue(body, Play.class);
		}
		catch (JacksonException ex) {
			ResponseEntity<Object> answer = new TestableProblemHandling()
				.notReadable(new HttpMessageNotReadableException("JSON parse error", ex, new EmptyMessage()));
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			@SuppressWarnings("unchecked")
			List<FieldError> errors = (List<FieldError>) ((ProblemDetail) answer.getBody()).getProperties()
				.get("errors");
			assertThat(errors).hasSize(1);
			return errors.get(0);
		}
		throw new AssertionError("accepted: " + body);
	}

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().customize(builder);
		return builder.build();
	}

	record Play(String title, List<String> authors, List<Line> lines, Map<String, String> notes) {
	}

	record Line(String text) {
	}

	static final class TestableProblemHandling extends ProblemHandling {

		ResponseEntity<Object> notReadable(HttpMessageNotReadableException ex) {
			return handleHttpMessageNotReadable(ex, new HttpHeaders(), HttpStatus.BAD_REQUEST,
					new ServletWebRequest(new MockHttpServletRequest()));
		}

	}

	static final class EmptyMessage implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return InputStream.nullInputStream();
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

	}

}
