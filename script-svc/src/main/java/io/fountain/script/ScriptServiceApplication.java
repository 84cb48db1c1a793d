package io.fountain.script;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.fountain.script.play.PlaySettings;

/**
 * script-svc: owns Scripts and their title pages, and publishes
 * {@code fountain.script.events}; accepts whole plays ({@code POST /plays}) and follows
 * each play's progress.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(PlaySettings.class)
public class ScriptServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScriptServiceApplication.class, args);
	}

}
