package io.fountain.problems.container;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word, for what it refuses before any servlet runs (an encoded {@code /},
 * {@code \} or NUL in the path, a request line or header over its limits) and for errors
 * with nowhere else to go: problem+json instead of its HTML page with the server's
 * version. Installed as the host's error report valve ({@link ProblemPages}).
 */
public class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = ContainerProblems.statusOf(code, throwable);
		try {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(ContainerProblems.problem(status, throwable)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the response was committed meanwhile: there is no
			// one to tell.
		}
	}

}
