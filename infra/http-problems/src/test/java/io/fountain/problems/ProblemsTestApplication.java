package io.fountain.problems;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service of the smallest kind, with the problem handling every Fountain service gets.
 */
@SpringBootApplication
class ProblemsTestApplication {

	@RestController
	static class Things {

		/** How many things were made: a refused command must not have run. */
		static final AtomicInteger created = new AtomicInteger();

		@GetMapping(path = "/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> thing(@PathVariable UUID id) {
			return Map.of("id", id);
		}

		@GetMapping(path = "/things", produces = MediaType.APPLICATION_JSON_VALUE)
		List<String> things(@RequestParam(defaultValue = "") String name) {
			return List.of(name);
		}

		@PostMapping(path = "/things", produces = MediaType.APPLICATION_JSON_VALUE)
		Thing create(@RequestBody Thing thing) {
			created.incrementAndGet();
			return thing;
		}

	}

	record Thing(String name) {
	}

}
