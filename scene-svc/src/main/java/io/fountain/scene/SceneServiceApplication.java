package io.fountain.scene;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** scene-svc: owns Scenes (of acts) and their Actions; deletes a deleted act's scenes. */
@SpringBootApplication
public class SceneServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(SceneServiceApplication.class, args);
	}

}
