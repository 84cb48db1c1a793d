package io.fountain.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** edge-api: the one entry point for clients. Routes, and aggregates reads; owns no data. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(EdgeApplication.class, args);
	}
}
