package io.fountain.problems;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.fountain.problems.conditional.EntityTagDocumentation;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.conditional.IfMatchResolver;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.PatchSchemas;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Paged lists ({@link Paging} parameters), merge patches ({@code Patch} fields) and
 * conditional changes ({@link IfMatch} parameters) for every servlet service of Fountain,
 * and their OpenAPI description where the service documents its API with springdoc.
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
				resolvers.add(new IfMatchResolver());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ModelConverter.class, OpenApiCustomizer.class })
	static class ApiDocumentation {

		private static final String ANY = "*/*";

		private static final String SCHEMAS = "#/components/schemas/";

		static {
			// Read from the If-Match header, which EntityTagDocumentation documents.
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
		}

		@Bean
		EntityTagDocumentation entityTags() {
			return new EntityTagDocumentation();
		}

		/**
		 * No field of a merge patch is required: an absent field stays as it is.
		 * springdoc marks a {@code @NotNull} field required, which for a patch means "may
		 * not be cleared" (PatchSchemas writes that as a type without null); required, a
		 * generated client would have to send it with every change.
		 */
		@Bean
		OpenApiCustomizer patchesRequireNoField() {
			return api -> {
				if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
					return;
				}
				api.getPaths()
					.values()
					.stream()
					.map(PathItem::getPatch)
					.filter(patch -> patch != null && patch.getRequestBody() != null
							&& patch.getRequestBody().getContent() != null)
					.flatMap(patch -> patch.getRequestBody().getContent().values().stream())
					.map(media -> media.getSchema() == null ? null : media.getSchema().get$ref())
					.filter(ref -> ref != null && ref.startsWith(SCHEMAS))
					.map(ref -> api.getComponents().getSchemas().get(ref.substring(SCHEMAS.length())))
					.filter(schema -> schema != null)
					.forEach(schema -> schema.setRequired(null));
			};
		}

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
