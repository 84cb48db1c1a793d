package io.fountain.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Makes every servlet service of Fountain answer errors as problem+json. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemHandling.class, StrictJson.class })
public class ProblemsAutoConfiguration {

	/**
	 * After authentication (a caller without a token hears 401 first, whatever its body) and before anything reads
	 * the body.
	 */
	@Bean
	FilterRegistrationBean<BodyContentTypes> bodyContentTypes() {
		FilterRegistrationBean<BodyContentTypes> registration = new FilterRegistrationBean<>(new BodyContentTypes());
		registration.setOrder(0);
		return registration;
	}
}
