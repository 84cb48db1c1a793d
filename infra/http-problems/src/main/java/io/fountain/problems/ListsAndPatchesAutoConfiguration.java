package io.fountain.problems;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.PatchSchemas;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.responses.ApiResponse;

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
	@ConditionalOnClass({ ModelConverter.class, OpenApiCustomizer.class })
	static class ApiDocumentation {

		private static final String ANY = "*/*";

		@Bean
		PatchSchemas patchSchemas() {
			return new PatchSchemas();
		}

		/**
		 * The services answer JSON: what springdoc writes as {@code *}{@code /*} (a
		 * mapping that names no media type) is {@code application/json} in the document,
		 * so that generated clients read the answer as JSON.
		 */
		@Bean
		OpenApiCustomizer jsonAnswers() {
			return api -> {
				if (api.getPaths() != null) {
					api.getPaths()
						.values()
						.forEach(path -> path.readOperations()
							.stream()
							.filter(operation -> operation.getResponses() != null)
							.flatMap(operation -> operation.getResponses().values().stream())
							.map(ApiResponse::getContent)
							.filter(content -> content != null && content.containsKey(ANY))
							.forEach(content -> content.addMediaType(MediaType.APPLICATION_JSON_VALUE,
									content.remove(ANY))));
				}
			};
		}

	}

}
