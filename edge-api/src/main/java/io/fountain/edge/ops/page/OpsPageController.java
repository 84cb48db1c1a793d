package io.fountain.edge.ops.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations page at {@code /ops}: one self-contained HTML document that reads
 * {@code /ops/*} and refreshes itself.
 */
@RestController
class OpsPageController {

	private final String page;

	OpsPageController() {
		try {
			page = new ClassPathResource("ops/index.html").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = { "/ops", "/ops/" }, produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return page;
	}

}
