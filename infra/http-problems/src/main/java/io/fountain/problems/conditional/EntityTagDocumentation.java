package io.fountain.problems.conditional;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes into the API document what an {@link EntityTagged} route does with entity tags:
 * a read takes {@code If-None-Match}, a change or deletion {@code If-Match}, and a
 * success (a creation's too) carries the {@code ETag} (and, for a read,
 * {@code Cache-Control}). The answers 304 and 412 are added where the edge assembles the
 * document, with its other answers.
 */
public final class EntityTagDocumentation implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!handler.hasMethodAnnotation(EntityTagged.class)) {
			return operation;
		}
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		List<RequestMethod> methods = mapping == null ? List.of() : List.of(mapping.method());
		boolean read = methods.contains(RequestMethod.GET);
		if (methods.contains(RequestMethod.POST)) {
			// A creation: its answer carries the first version, to change it with.
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("2")) {
					document(response, false);
				}
			});
			return operation;
		}
		operation.addParametersItem(new HeaderParameter().name(read ? HttpHeaders.IF_NONE_MATCH : HttpHeaders.IF_MATCH)
			.required(false)
			.description(read ? "The ETag of the copy the app holds: 304 Not Modified, without a body, if it is current"
					: "The ETag of the version the change was made on: 412 if the entity changed since (a co-author's "
							+ "change came first); absent, the change is made whatever the version")
			.schema(new StringSchema()));
		if (operation.getResponses() != null) {
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("2") && !status.equals("204")) {
					document(response, read);
				}
			});
		}
		return operation;
	}

	private static void document(ApiResponse response, boolean read) {
		response.addHeaderObject(HttpHeaders.ETAG,
				new Header()
					.description("The entity's version (a quoted number that changes with every change of the entity)")
					.schema(new StringSchema()));
		if (read) {
			response.addHeaderObject(HttpHeaders.CACHE_CONTROL,
					new Header()
						.description("private, no-cache: an app may keep the answer, and revalidates it "
								+ "with If-None-Match before use")
						.schema(new StringSchema()));
		}
	}

}
