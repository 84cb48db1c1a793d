package io.fountain.script;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** script-svc: owns Scripts and their title pages, and publishes {@code fountain.script.events}. */
@SpringBootApplication
public class ScriptServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScriptServiceApplication.class, args);
	}
}
