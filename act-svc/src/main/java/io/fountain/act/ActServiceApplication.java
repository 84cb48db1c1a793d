package io.fountain.act;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** act-svc: owns Acts; follows scripts by their events and deletes a deleted script's acts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ActServiceApplication.class, args);
	}
}
