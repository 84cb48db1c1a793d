package io.fountain.problems.conditional;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads a handler's {@link IfMatch} from the request's {@code If-Match} headers. */
public final class IfMatchResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == IfMatch.class;
	}

	@Override
	public IfMatch resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
		return values == null ? IfMatch.any() : IfMatch.of(String.join(",", values));
	}

}
