package io.fountain.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.fountain.problems.container.ProblemErrorController;
import io.fountain.problems.container.ProblemPages;

/**
 * Makes every servlet service of Fountain answer errors as problem+json: its own
 * exceptions ({@link ProblemHandling}), what the framework answers outside them
 * ({@link ProblemErrorController}, before Spring Boot's error controller can register)
 * and what Tomcat answers before any servlet runs ({@link ProblemPages}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemHandling.class, StrictJson.class, Utf8Bodies.class, ProblemErrorController.class })
public class ProblemsAutoConfiguration {

	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	ProblemPages problemPages() {
		return new ProblemPages();
	}

	/**
	 * After authentication (a caller without a token hears 401 first, whatever its body)
	 * and before anything reads the body.
	 */
	/** After authentication too, and before a command runs. */
	@Bean
	FilterRegistrationBean<AnswersForWrites> answersForWrites() {
		FilterRegistrationBean<AnswersForWrites> registration = new FilterRegistrationBean<>(new AnswersForWrites());
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodyContentTypes> bodyContentTypes() {
		FilterRegistrationBean<BodyContentTypes> registration = new FilterRegistrationBean<>(new BodyContentTypes());
		registration.setOrder(0);
		return registration;
	}

}
