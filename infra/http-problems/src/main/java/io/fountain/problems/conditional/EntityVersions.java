package io.fountain.problems.conditional;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * Conditional requests on an entity (RFC 9110 section 13): its {@code ETag} is its
 * version, a number its service raises with every change of the entity (its own fields,
 * or its place among its siblings), so an app can revalidate a copy
 * ({@code If-None-Match} gives 304, which Spring answers from the {@code ETag} of the
 * answer) and refuse to overwrite a co-author's change ({@code If-Match}, see
 * {@link IfMatch}).
 */
public final class EntityVersions {

	/**
	 * What may be cached of an entity: by the app only (the answer depends on who asks),
	 * and revalidated before every use (a co-author may have changed it).
	 */
	public static final CacheControl CACHING = CacheControl.noCache().cachePrivate();

	private EntityVersions() {
	}

	/** The strong entity tag of a version: {@code "7"}. */
	public static String tag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * An entity's answer: 200 with its version as the {@code ETag}, or 304 when the
	 * request's {@code If-None-Match} names it (answered by Spring from this tag).
	 */
	public static <T> ResponseEntity<T> ok(long version, T body) {
		return ResponseEntity.ok().eTag(tag(version)).cacheControl(CACHING).body(body);
	}

	/** A created entity's answer, with its first version as the {@code ETag}. */
	public static ResponseEntity.BodyBuilder created(URI location, long version) {
		return ResponseEntity.created(location).eTag(tag(version)).cacheControl(CACHING);
	}

	/**
	 * The entity tags of an {@code If-Match} or {@code If-None-Match} header, as written;
	 * {@code *} stays {@code *}. Weak tags ({@code W/"7"}) are kept with their prefix, so
	 * that the strong comparison If-Match requires never matches them.
	 */
	static List<String> tags(String header) {
		List<String> tags = new ArrayList<>();
		if (header == null) {
			return tags;
		}
		for (String tag : header.split(",")) {
			String trimmed = tag.strip();
			if (!trimmed.isEmpty()) {
				tags.add(trimmed);
			}
		}
		return tags;
	}

}
