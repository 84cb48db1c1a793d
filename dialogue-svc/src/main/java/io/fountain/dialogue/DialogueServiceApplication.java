package io.fountain.dialogue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * dialogue-svc: owns Dialogue blocks (of scenes, spoken by characters) and their
 * Parentheticals; deletes the dialogue of a deleted scene or character.
 */
@SpringBootApplication
public class DialogueServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DialogueServiceApplication.class, args);
	}

}
