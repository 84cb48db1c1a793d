package io.fountain.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import io.fountain.fuzz.Mutation.Mutated;
import io.fountain.fuzz.Mutation.ReadBack;
import io.fountain.fuzz.Slots.Slot;
import io.fountain.fuzz.ValidRequests.Valid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of mutations: of the body (types, nulls, control characters, surrogates,
 * broken UTF-8, a 1 MB string, 10,000 levels of nesting, huge numbers, unknown and
 * duplicate properties, broken JSON, the wrong Content-Type), of the path (encoded
 * slashes, NUL and backslashes, braces, dot segments, path parameters, empty segments),
 * of the query, of the headers (oversized Idempotency-Key and Authorization, forged
 * tokens, unsupported Accept) and of the method. Each is a few variants; the random
 * source picks one, and the place.
 */
final class Mutations {

	/** A very long string: 1 MiB. */
	static final int LONG = 1 << 20;

	/** How deep the nested values go. */
	static final int DEEP = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Predicate<Operation> ANY = operation -> true;

	private static final Predicate<Operation> ANY_BODY = operation -> operation.body() != null;

	private static final Predicate<Operation> JSON_BODY = Operation::hasJsonBody;

	private static final Predicate<Operation> JSON_OBJECT = operation -> operation.hasJsonBody()
			&& operation.body().schema().type().equals("object");

	private static final Predicate<Operation> WITH_SLOTS = operation -> !slots(operation).isEmpty();

	private static final Predicate<Operation> WITH_TEXT = operation -> (operation.body() != null
			&& !operation.body().json()) || slots(operation).stream().anyMatch(slot -> slot.schema().isString());

	private static final Predicate<Operation> WRITES = Operation::writes;

	private Mutations() {
	}

	static List<Mutation> all() {
		List<Mutation> all = new ArrayList<>();
		all.addAll(body());
		all.addAll(path());
		all.addAll(query());
		all.addAll(headers());
		all.addAll(methods());
		return all;
	}

	static List<Mutation> body() {
		return List.of(new Mutation("wrong type", WITH_SLOTS, (valid, random) -> {
			Slot slot = slot(valid, random, s -> true);
			List<String> others = switch (slot.schema().type()) {
				case "integer", "number" -> List.of("\"1\"", "1.5", "true", "{}", "[]");
				case "boolean" -> List.of("\"true\"", "1", "{}", "[]");
				case "array" -> List.of("\"x\"", "{}", "1", "true");
				case "object" -> List.of("\"x\"", "[]", "1", "true");
				default -> List.of("123", "1.5", "true", "{}", "[]");
			};
			if (slot.schema().type().equals("number")) {
				others = others.stream().filter(value -> !value.equals("1.5")).toList();
			}
			String value = pick(others, random);
			// A property the document gives no type could take any.
			return inSlot(valid, slot, value, !slot.schema().type().equals("any"));
		}), new Mutation("null", WITH_SLOTS, (valid, random) -> {
			Slot slot = slot(valid, random, s -> !(s.path().getLast() instanceof Integer));
			return inSlot(valid, slot, "null", slot.required());
		}), new Mutation("null in a list",
				operation -> slots(operation).stream().anyMatch(slot -> slot.path().getLast() instanceof Integer),
				(valid, random) -> {
					Slot slot = slot(valid, random, s -> s.path().getLast() instanceof Integer);
					return inSlot(valid, slot, "null", true);
				}), text("U+0000", "\\u0000", new byte[] { 0 }, false),
				new Mutation("C0 control character", WITH_TEXT, (valid, random) -> {
					int c = 1 + random.nextInt(31);
					return inText(valid, random, String.format("\\u%04x", c), new byte[] { (byte) c },
							String.valueOf((char) c), false);
				}), new Mutation("raw control byte in JSON",
						operation -> WITH_SLOTS.test(operation) && WITH_TEXT.test(operation), (valid, random) -> {
							byte c = (byte) random.nextInt(32);
							Slot slot = slot(valid, random, s -> s.schema().isString());
							return new Mutated(
									withBody(valid,
											Slots.with(valid.json(), schema(valid), slot,
													concat(bytes("\"FUZZ"), new byte[] { c }, bytes("x\"")))),
									slot.name() + ": " + String.format("0x%02X", c), true);
						}),
				new Mutation("lone surrogate", WITH_TEXT, (valid, random) -> {
					List<String> escapes = List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d");
					String escape = pick(escapes, random);
					// In a text document, the surrogate's three bytes as CESU-8 would
					// write them.
					return inText(valid, random, escape, HexFormat.of().parseHex("eda080"), null, true);
				}), new Mutation("overlong UTF-8", WITH_TEXT, (valid, random) -> {
					String hex = pick(List.of("c0af", "c1bf", "e080af", "f08080af", "c080"), random);
					return inRawText(valid, random, HexFormat.of().parseHex(hex), hex.toUpperCase(Locale.ROOT));
				}), new Mutation("invalid UTF-8", WITH_TEXT, (valid, random) -> {
					String hex = pick(List.of("ff", "fe", "80", "bf", "eda080", "f4908080", "f888808080", "e282"),
							random);
					return inRawText(valid, random, HexFormat.of().parseHex(hex), hex.toUpperCase(Locale.ROOT));
				}), new Mutation("1 MB string", WITH_TEXT, (valid, random) -> {
					if (!valid.operation().hasJsonBody()) {
						return inserted(valid, "a".repeat(LONG).getBytes(StandardCharsets.US_ASCII),
								"1 MB in the first line", false);
					}
					Slot slot = slot(valid, random, s -> s.schema().isString());
					boolean tooLong = !slot.schema().isString()
							|| slot.schema().maxLength().orElse(Long.MAX_VALUE) < LONG;
					return inSlot(valid, slot, "\"" + "a".repeat(LONG) + "\"", tooLong);
				}), new Mutation("deeply nested value", WITH_SLOTS, (valid, random) -> {
					Slot slot = slot(valid, random, s -> true);
					return inSlot(valid, slot, random.nextBoolean() ? nestedArrays() : nestedObjects(), true);
				}),
				new Mutation("deeply nested body", JSON_BODY,
						(valid, random) -> new Mutated(
								withBody(valid, bytes(random.nextBoolean() ? nestedArrays() : nestedObjects())),
								DEEP + " levels", true)),
				new Mutation("huge number", WITH_SLOTS, (valid, random) -> {
					Slot slot = slot(valid, random, s -> s.schema().isNumeric());
					String value = pick(List.of("1e400", "-1e400", "1180591620717411303424", "-1180591620717411303424",
							"1e-400", "123456789012345678901234567890.5"), random);
					return inSlot(valid, slot, value, !slot.schema().type().equals("number"));
				}),
				new Mutation("unknown property", JSON_OBJECT,
						(valid, random) -> new Mutated(
								withBody(valid, Slots.withLeadingProperty(valid.json(), "fuzzUnknown", bytes("\"x\""))),
								"fuzzUnknown", !schema(valid).takesUnknownProperties())),
				new Mutation("duplicate property", WITH_SLOTS, (valid, random) -> {
					Slot slot = slot(valid, random, Slot::topLevel);
					String name = (String) slot.path().getFirst();
					JsonNode value = valid.json().has(name) ? valid.json().get(name)
							: Values.valid(slot.schema(), name, kind -> Optional.empty(), valid.serial());
					byte[] raw = bytes(JSON.writeValueAsString(value));
					JsonNode with = valid.json().deepCopy();
					((ObjectNode) with).set(name, value);
					return new Mutated(withBody(valid, Slots.withLeadingProperty(with, name, raw)), name, true);
				}), new Mutation("malformed JSON", JSON_BODY, (valid, random) -> {
					String body = new String(valid.request().body(), StandardCharsets.UTF_8);
					List<String> variants = List.of(body.substring(0, body.length() / 2), "fuzz", body + " x",
							body + body, body.replace('"', '\''), body.replaceFirst("}$", ",}"), "/* fuzz */" + body,
							body.replaceFirst("}$", (body.length() > 2 ? "," : "") + "\"x\":NaN}"), "{", "}");
					int variant = random.nextInt(variants.size());
					return new Mutated(withBody(valid, bytes(variants.get(variant))), "variant " + variant, true);
				}), new Mutation("empty body", ANY_BODY, (valid, random) -> {
					boolean none = random.nextBoolean();
					return new Mutated(valid.request().withBody(none ? null : new byte[0]),
							none ? "no body" : "Content-Length: 0", valid.operation().body().required());
				}), new Mutation("wrong JSON shape", JSON_OBJECT, (valid, random) -> {
					String body = new String(valid.request().body(), StandardCharsets.UTF_8);
					String shape = pick(List.of("[]", "[" + body + "]", "\"x\"", "42", "true", "null"), random);
					boolean must = !shape.equals("null") || valid.operation().body().required();
					return new Mutated(withBody(valid, bytes(shape)), shape.length() > 40 ? "[body]" : shape, must);
				}),
				new Mutation("byte order mark", ANY_BODY,
						(valid, random) -> new Mutated(
								withBody(valid, concat(HexFormat.of().parseHex("efbbbf"), valid.request().body())),
								"EF BB BF", false)),
				new Mutation("Content-Type", ANY_BODY, (valid, random) -> {
					String mediaType = valid.operation().body().mediaType();
					List<String> types = List.of("", "text/plain", "application/xml",
							"application/x-www-form-urlencoded", "multipart/form-data",
							"application/json; charset=UTF-16", "application/octet-stream", "fuzz", "application/",
							"*/*", mediaType + "; charset=fuzz",
							mediaType.contains("json") ? "text/x-fountain" : "application/json");
					String type = pick(types, random);
					Request request = type.isEmpty() ? valid.request().withoutHeader("Content-Type")
							: valid.request().withHeader("Content-Type", type);
					return new Mutated(request, type.isEmpty() ? "none" : type, false);
				}));
	}

	static List<Mutation> path() {
		List<Mutation> mutations = new ArrayList<>();
		// must: what the junk makes of an id names no entity (a dot segment or a path
		// parameter may name another
		// resource legitimately once the server has normalized the path).
		mutations.add(inPath("path %2f", "%2f", true));
		mutations.add(inPath("path %00", "%00", true));
		mutations.add(inPath("path %5c", "%5c", true));
		mutations.add(inPath("path {}", "{}", true));
		mutations.add(inPath("path ..", "..", false));
		mutations.add(inPath("path ;jsessionid=", ";jsessionid=FUZZ", false));
		mutations.add(new Mutation("path //", ANY, (valid, random) -> junkInPath(valid, random, "/", false, false)));
		mutations.add(new Mutation("path junk", ANY, (valid, random) -> {
			String junk = pick(List.of("%zz", "%ff", "%C0%AF", "%0d%0a", "%20", "not-a-uuid", "*", "~", "%2e%2e", ".",
					"a".repeat(8192), "%u0000", ";", "%", "%%", "\u00e9"), random);
			// Only an id is sure to be broken by it ("not-a-uuid" is a fine user id), and
			// not by a dot segment or
			// an empty path parameter (";"), which the server may normalize away.
			boolean breaks = !junk.contains(".") && !junk.equals("%2e%2e") && !junk.equals(";");
			return junkInPath(valid, random, junk, breaks, true);
		}));
		mutations.add(new Mutation("path shape", ANY, (valid, random) -> {
			Request request = valid.request();
			String target = request.target();
			String path = request.path();
			String query = target.substring(path.length());
			String first = path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
			List<String> shapes = List.of("//" + path.substring(1), first + "/.." + path, path + ";jsessionid=FUZZ",
					path + "/", first + "/." + path.substring(first.length()), path.toUpperCase(Locale.ROOT),
					path + "/" + "a".repeat(8192), path.replace("/", "//"), "\\" + path.substring(1));
			List<String> names = List.of("leading //", "/.. detour", ";jsessionid", "trailing /", "/./", "upper case",
					"8 KB segment", "every / doubled", "backslash");
			int shape = random.nextInt(shapes.size());
			boolean must = shape == 5 && !path.equals(path.toUpperCase(Locale.ROOT)) || shape == 6;
			return new Mutated(request.withTarget(shapes.get(shape) + query), names.get(shape), must);
		}));
		return mutations;
	}

	static List<Mutation> query() {
		return List.of(
				new Mutation("query %zz", ANY,
						(valid, random) -> withQuery(valid,
								pick(List.of("x=%zz", "%zz", "x=%", "x=%2", "%zz=1", "page=%zz"), random), false)),
				new Mutation("paging not a number", Mutations::pages, (valid, random) -> {
					String name = pagingParameter(valid.operation(), random);
					return withQuery(valid, name + "=" + pick(List.of("abc", "1.5", "1e3", "0x10", "true"), random),
							true);
				}), new Mutation("paging out of range", Mutations::pages, (valid, random) -> {
					String name = pagingParameter(valid.operation(), random);
					ApiDocument.Parameter parameter = valid.operation()
						.in("query")
						.stream()
						.filter(p -> p.name().equals(name))
						.findFirst()
						.orElseThrow();
					List<String> values = new ArrayList<>(
							List.of("-1", "99999999999999999999", "-99999999999999999999"));
					parameter.schema().maximum().ifPresent(max -> values.add(String.valueOf(max + 1)));
					parameter.schema().minimum().ifPresent(min -> values.add(String.valueOf(min - 1)));
					return withQuery(valid, name + "=" + pick(values, random), true);
				}),
				new Mutation("query junk", ANY,
						(valid, random) -> withQuery(valid,
								pick(List.of("%00=%00", "x=" + "q".repeat(8192), "page=0&page=1&size=1&size=2", "&&==&",
										"x=%C0%AF", "x[]=1", "x=%ff", "x=\u00e9"), random),
								false)));
	}

	static List<Mutation> headers() {
		return List.of(
				new Mutation("Idempotency-Key 8,000 chars", WRITES,
						(valid, random) -> new Mutated(valid.request().withHeader("Idempotency-Key", "k".repeat(8000)),
								"8000 chars", true)),
				new Mutation("Idempotency-Key over its maximum", operation -> idempotencyMaximum(operation).isPresent(),
						(valid, random) -> {
							int length = (int) (idempotencyMaximum(valid.operation()).orElseThrow() + 1
									+ random.nextInt(50));
							return new Mutated(valid.request().withHeader("Idempotency-Key", "k".repeat(length)),
									length + " chars", true);
						}),
				new Mutation("Idempotency-Key junk", WRITES, (valid, random) -> {
					List<String> keys = List.of("", "\u0001", "\u00e9", "a b", "\u00c3\u00bc", "\u007f", "\"");
					String key = pick(keys, random);
					Request request = random.nextInt(4) == 0
							? valid.request()
								.withHeader("Idempotency-Key", "fuzz-a")
								.plusHeader("Idempotency-Key", "fuzz-b")
							: valid.request().withHeader("Idempotency-Key", key);
					return new Mutated(request, Escapes.readable(key), false);
				}),
				new Mutation("Authorization over 8 KB", ANY,
						(valid, random) -> new Mutated(
								valid.request()
									.withHeader("Authorization", "Bearer " + "a".repeat(8500 + random.nextInt(8000))),
								"over 8 KB", true)),
				new Mutation("Authorization junk", ANY, (valid, random) -> {
					String token = valid.request().header("Authorization").substring("Bearer ".length());
					List<String> values = List.of("", "Bearer", "Bearer ", "Bearer a.b.c", "Basic Zm9vOmJhcg==",
							"Bearer " + token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"),
							"Bearer " + token + "x", "Bearer " + unsigned(token), "Bearer \u0000" + token,
							"Bearer " + token + " " + token);
					int variant = random.nextInt(values.size());
					Request request = variant == 0 ? valid.request().withoutHeader("Authorization")
							: valid.request().withHeader("Authorization", values.get(variant));
					return new Mutated(request, variant == 0 ? "none" : "variant " + variant, true);
				}),
				new Mutation("Authorization twice", ANY,
						(valid, random) -> new Mutated(valid.request().plusHeader("Authorization", "Bearer a.b.c"),
								"valid, then a.b.c", false)),
				new Mutation("unsupported Accept", ANY, (valid, random) -> {
					String accept = pick(List.of("application/xml", "image/png", "text/html",
							"application/octet-stream", "text/csv", "application/json;q=0"), random);
					return new Mutated(valid.request().withHeader("Accept", accept), accept, false);
				}), new Mutation("malformed Accept", ANY, (valid, random) -> {
					String accept = pick(List.of("fuzz", "*/", "application/json;q=abc", ";;", "/", "*/*;q=2",
							"text/*;charset=\u00e9"), random);
					return new Mutated(valid.request().withHeader("Accept", accept), Escapes.readable(accept), false);
				}), new Mutation("many headers", ANY, (valid, random) -> {
					Request request = valid.request();
					for (int i = 0; i < 150; i++) {
						request = request.plusHeader("X-Fuzz-" + i, "h".repeat(100));
					}
					return new Mutated(request, "150 headers", false);
				}),
				new Mutation("header over 16 KB", ANY,
						(valid, random) -> new Mutated(
								valid.request().withHeader("X-Fuzz", "h".repeat(16_384 + random.nextInt(16_384))),
								"X-Fuzz", false)),
				new Mutation("malformed header line", ANY, (valid, random) -> {
					int variant = random.nextInt(4);
					Request request = switch (variant) {
						case 0 -> valid.request().plusHeader("X Fuzz", "1");
						case 1 -> valid.request().plusHeader("X-Fuzz ", "1");
						case 2 -> valid.request().plusHeader("X-Fuzz", "a\r\n b");
						default -> valid.request().plusHeader("X-Fuzz\u0001", "1");
					};
					return new Mutated(request, "variant " + variant, false);
				}));
	}

	static List<Mutation> methods() {
		return List.of(
				new Mutation("TRACE", ANY, (valid, random) -> new Mutated(bodiless(valid, "TRACE"), "TRACE", true)),
				new Mutation("PROPFIND", ANY,
						(valid, random) -> new Mutated(bodiless(valid, "PROPFIND"), "PROPFIND", true)),
				new Mutation("unknown method", ANY, (valid, random) -> {
					String method = pick(List.of("FUZZ", "get", "GETT", "MKCOL", "LOCK"), random);
					return new Mutated(bodiless(valid, method), method, true);
				}),
				// Never DELETE: on a path the document does not say, it might still
				// delete what the path names.
				new Mutation("undeclared method", ANY, (valid, random) -> {
					List<String> undeclared = new ArrayList<>(List.of("POST", "PUT", "PATCH"));
					undeclared.removeAll(valid.methodsOfPath());
					String method = undeclared.isEmpty() ? "FUZZ" : pick(undeclared, random);
					return new Mutated(valid.request().withMethod(method), method, true);
				}));
	}

	/** The slots of an operation's JSON body. */
	static List<Slot> slots(Operation operation) {
		return operation.hasJsonBody() ? Slots.of(operation.body().schema()) : List.of();
	}

	private static Mutation text(String name, String escape, byte[] raw, boolean mustRefuse) {
		return new Mutation(name, WITH_TEXT, (valid, random) -> inText(valid, random, escape, raw,
				new String(raw, StandardCharsets.ISO_8859_1), mustRefuse));
	}

	/**
	 * Text with something inside: in a JSON body, a string slot {@code "FUZZ<escape>x"};
	 * in a text document, the raw bytes in its first line.
	 * @param sent the character the escape stands for, when it is one the entity may hold
	 * (read back then)
	 */
	private static Mutated inText(Valid valid, Random random, String escape, byte[] raw, String sent,
			boolean mustRefuse) {
		if (!valid.operation().hasJsonBody()) {
			return inserted(valid, raw, Escapes.readable(raw), mustRefuse);
		}
		Slot slot = slot(valid, random, s -> s.schema().isString());
		ReadBack readBack = sent != null && slot.topLevel() && slot.schema().isString()
				? new ReadBack(slot.name(), "FUZZ" + sent + "x") : null;
		byte[] body = Slots.with(valid.json(), schema(valid), slot, bytes("\"FUZZ" + escape + "x\""));
		return new Mutated(withBody(valid, body), slot.name() + ": " + escape, mustRefuse || !slot.schema().isString(),
				readBack);
	}

	/** Raw bytes inside text that is then not UTF-8: always to be refused. */
	private static Mutated inRawText(Valid valid, Random random, byte[] raw, String hex) {
		if (!valid.operation().hasJsonBody()) {
			return inserted(valid, raw, hex, true);
		}
		Slot slot = slot(valid, random, s -> s.schema().isString());
		byte[] body = Slots.with(valid.json(), schema(valid), slot, concat(bytes("\"FUZZ"), raw, bytes("x\"")));
		return new Mutated(withBody(valid, body), slot.name() + ": " + hex, true);
	}

	/**
	 * A text document with bytes inserted in its first line (after {@code Title: FUZZ},
	 * say).
	 */
	private static Mutated inserted(Valid valid, byte[] raw, String detail, boolean mustRefuse) {
		byte[] body = valid.request().body();
		int at = Math.min(body.length, new String(body, StandardCharsets.ISO_8859_1).indexOf("FUZZ") + 5);
		byte[] changed = concat(Arrays.copyOfRange(body, 0, Math.max(at, 0)), raw,
				Arrays.copyOfRange(body, Math.max(at, 0), body.length));
		return new Mutated(withBody(valid, changed), detail, mustRefuse);
	}

	private static Mutated inSlot(Valid valid, Slot slot, String rawJson, boolean mustRefuse) {
		byte[] body = Slots.with(valid.json(), schema(valid), slot, bytes(rawJson));
		String shown = rawJson.length() > 40 ? rawJson.substring(0, 12) + "...(" + rawJson.length() + " chars)"
				: rawJson;
		return new Mutated(withBody(valid, body), slot.name() + ": " + shown, mustRefuse);
	}

	/**
	 * Junk in place of, or after, a path parameter's value; after the path when it has
	 * none.
	 */
	private static Mutation inPath(String name, String junk, boolean mustRefuse) {
		return new Mutation(name, ANY, (valid, random) -> junkInPath(valid, random, junk, mustRefuse, false));
	}

	/**
	 * @param mustRefuse whether the path then names nothing
	 * @param onlyIds whether that holds only where the junk breaks a UUID (or where the
	 * path had no parameter)
	 */
	private static Mutated junkInPath(Valid valid, Random random, String junk, boolean mustRefuse, boolean onlyIds) {
		Request request = valid.request();
		String query = request.target().substring(request.path().length());
		List<String> names = new ArrayList<>(valid.pathValues().keySet());
		if (names.isEmpty()) {
			return new Mutated(request.withTarget(request.path() + "/" + junk + query), "appended",
					mustRefuse && !junk.isEmpty());
		}
		String name = pick(names, random);
		String encoded = Escapes.pathSegment(valid.pathValues().get(name));
		boolean replace = random.nextBoolean();
		String template = valid.operation().template();
		String path = request.path();
		// The segment is found by its place in the template, not by its value: two
		// parameters may share one.
		List<String> templateSegments = List.of(template.split("/", -1));
		List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
		int at = templateSegments.indexOf("{" + name + "}");
		if (at < 0 || at >= segments.size() || !segments.get(at).equals(encoded)) {
			return new Mutated(request.withTarget(path + "/" + junk + query), "appended",
					mustRefuse && !junk.isEmpty());
		}
		// A slash goes before the id, making an empty segment of it ("//"); anything else
		// in place of it or after it.
		segments.set(at, junk.equals("/") ? junk + encoded : replace ? junk : encoded + junk);
		boolean id = valid.operation()
			.in("path")
			.stream()
			.anyMatch(p -> p.name().equals(name) && p.schema().format().orElse("").equals("uuid"));
		return new Mutated(request.withTarget(String.join("/", segments) + query),
				junk.equals("/") ? "before {" + name + "}"
						: replace ? "{" + name + "} replaced" : "after {" + name + "}",
				mustRefuse && !junk.isEmpty() && (id || !onlyIds));
	}

	private static Mutated withQuery(Valid valid, String extra, boolean mustRefuse) {
		Request request = valid.request();
		String target = request.target();
		List<String> kept = new ArrayList<>();
		String extraName = extra.contains("=") ? extra.substring(0, extra.indexOf('=')) : extra;
		if (!request.query().isEmpty()) {
			for (String part : request.query().split("&")) {
				String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
				if (!name.equals(extraName)) {
					kept.add(part);
				}
			}
		}
		kept.add(extra);
		return new Mutated(request.withTarget(request.path() + "?" + String.join("&", kept)),
				Escapes.readable(extra.length() > 60 ? extra.substring(0, 20) + "..." : extra), mustRefuse);
	}

	private static boolean pages(Operation operation) {
		return operation.in("query").stream().anyMatch(p -> p.name().equals("page") || p.name().equals("size"));
	}

	private static String pagingParameter(Operation operation, Random random) {
		return pick(operation.in("query")
			.stream()
			.map(ApiDocument.Parameter::name)
			.filter(name -> name.equals("page") || name.equals("size"))
			.toList(), random);
	}

	private static Optional<Long> idempotencyMaximum(Operation operation) {
		return operation.in("header")
			.stream()
			.filter(p -> p.name().equalsIgnoreCase("Idempotency-Key"))
			.findFirst()
			.flatMap(p -> p.schema().maxLength());
	}

	/**
	 * The token's claims under {@code "alg": "none"} and no signature: what a forger
	 * sends.
	 */
	private static String unsigned(String token) {
		String[] parts = token.split("\\.");
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(bytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
		return header + "." + (parts.length > 1 ? parts[1] : "") + ".";
	}

	private static Request bodiless(Valid valid, String method) {
		return valid.request().withMethod(method).withBody(null).withoutHeader("Content-Type");
	}

	private static Request withBody(Valid valid, byte[] body) {
		return valid.request().withBody(body);
	}

	private static Schema schema(Valid valid) {
		return valid.operation().body().schema();
	}

	/** A slot the filter prefers, or any when none is preferred. */
	private static Slot slot(Valid valid, Random random, Predicate<Slot> preferred) {
		List<Slot> all = slots(valid.operation());
		List<Slot> chosen = all.stream().filter(preferred).toList();
		return pick(chosen.isEmpty() ? all : chosen, random);
	}

	private static String nestedArrays() {
		return "[".repeat(DEEP) + "]".repeat(DEEP);
	}

	private static String nestedObjects() {
		return "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
	}

	static <T> T pick(List<T> choices, Random random) {
		return choices.get(random.nextInt(choices.size()));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
