package io.fountain.problems;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.PatchSchemas;
import io.swagger.v3.core.converter.ModelConverter;

/**
 * Paged lists ({@link Paging} parameters) and merge patches ({@code Patch} fields) for
 * every servlet service of Fountain, and their OpenAPI description where the service
 * documents its API with springdoc.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ListsAndPatchesAutoConfiguration {

	@Bean
	WebMvcConfigurer pagingParameters() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(Paging.resolver());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ModelConverter.class)
	static class ApiDocumentation {

		@Bean
		PatchSchemas patchSchemas() {
			return new PatchSchemas();
		}

	}

}
