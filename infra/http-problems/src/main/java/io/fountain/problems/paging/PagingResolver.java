package io.fountain.problems.paging;

import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a handler's {@link Paging} from the {@code page} and {@code size} query
 * parameters.
 */
final class PagingResolver implements HandlerMethodArgumentResolver {

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Paging.class;
	}

	@Override
	public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		int page = read(request, "page", 0, Paging.MAX_PAGE);
		int size = read(request, "size", Paging.DEFAULT_SIZE, Paging.MAX_SIZE);
		return new Paging(page, size);
	}

	/**
	 * The parameter's value; a number too large for an int reads as just beyond
	 * {@code max}.
	 */
	private static int read(NativeWebRequest request, String name, int absent, int max) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0 || values.length == 1 && values[0].isEmpty()) {
			return absent;
		}
		if (values.length > 1) {
			throw new InvalidPaging(name, "must be given once");
		}
		String value = values[0];
		if (!INTEGER.matcher(value).matches()) {
			throw new InvalidPaging(name, "must be an integer");
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException tooLarge) {
			return value.startsWith("-") ? -1 : max + 1;
		}
	}

}
