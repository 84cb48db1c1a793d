package io.fountain.problems.patch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A {@code PATCH} whose body is a JSON merge patch (RFC 7396) of the resource:
 * {@code application/merge-patch+json}, or {@code application/json} as clients sent
 * before the API named the media type. The request record declares the fields it changes
 * as {@link Patch}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.PATCH,
		consumes = { MergePatchMapping.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE })
public @interface MergePatchMapping {

	String MERGE_PATCH_JSON = "application/merge-patch+json";

	/** The path of the resource. */
	@AliasFor(annotation = RequestMapping.class, attribute = "path")
	String[] value() default {};

}
