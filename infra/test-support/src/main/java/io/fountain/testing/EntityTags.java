package io.fountain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * The conditional requests every entity answers (RFC 9110; issue 18), checked the same
 * way for each: its version is its {@code ETag}, a read revalidates with
 * {@code If-None-Match}, and a change or deletion on a version someone changed since is a
 * 412 that changes nothing.
 */
public final class EntityTags {

	private EntityTags() {
	}

	/**
	 * From the entity's creation: its first version is {@code "1"} and its read says so,
	 * privately cacheable and revalidated; {@code If-None-Match} with it is a 304 without
	 * a body. A change on that version is made ({@code "2"}); the same tag then no longer
	 * revalidates, and a second change on it (a co-author's, on the copy they read) is a
	 * 412 problem naming the current version, after which the entity reads exactly as the
	 * first change left it.
	 * @return the answer to the change that was made
	 */
	public static Http.Response changeOnlyOnTheVersionRead(Http http, Http.Response created, String path, String change,
			String coAuthorsChange) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String first = created.header("ETag");
		assertThat(first).isEqualTo("\"1\"");
		Http.Response read = http.get(path);
		assertThat(read.header("ETag")).isEqualTo(first);
		assertThat(read.header("Cache-Control")).contains("private").contains("no-cache");
		Http.Response notModified = with(http, "If-None-Match", first).get(path);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();

		Http.Response changed = with(http, "If-Match", first).patch(path, change);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		String second = changed.header("ETag");
		assertThat(second).isEqualTo("\"2\"");
		assertThat(with(http, "If-None-Match", first).get(path).status()).isEqualTo(200);

		Http.Response stale = with(http, "If-Match", first).patch(path, coAuthorsChange);
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().get("detail").asString()).contains(second);
		assertThat(http.get(path).json()).as("the refused change changed nothing").isEqualTo(changed.json());
		return changed;
	}

	/**
	 * A deletion on a version changed since is a 412 and deletes nothing, as is one on a
	 * weak tag (If-Match compares strongly); on the current version it deletes (204, then
	 * 404).
	 */
	public static void deleteOnlyOnTheVersionRead(Http http, String path, String staleTag, String currentTag) {
		assertThat(staleTag).isNotEqualTo(currentTag);
		assertThat(with(http, "If-Match", staleTag).delete(path).status()).isEqualTo(412);
		assertThat(http.get(path).status()).as("a refused deletion deletes nothing").isEqualTo(200);
		assertThat(with(http, "If-Match", "W/" + currentTag).delete(path).status())
			.as("a weak tag never matches If-Match")
			.isEqualTo(412);
		assertThat(with(http, "If-Match", currentTag).delete(path).status()).isEqualTo(204);
		assertThat(http.get(path).status()).isEqualTo(404);
	}

	private static Http with(Http http, String header, String value) {
		return http.withHeaders(Map.of(header, value));
	}

}
