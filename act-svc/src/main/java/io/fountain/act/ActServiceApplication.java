package io.fountain.act;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * act-svc: owns Acts; follows scripts by their events and deletes a deleted script's
 * acts.
 */
@SpringBootApplication
public class ActServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ActServiceApplication.class, args);
	}

}
