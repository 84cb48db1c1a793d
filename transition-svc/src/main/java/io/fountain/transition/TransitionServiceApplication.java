package io.fountain.transition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * transition-svc: owns the Transitions that end scenes; deletes a deleted scene's
 * transitions.
 */
@SpringBootApplication
public class TransitionServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(TransitionServiceApplication.class, args);
	}

}
