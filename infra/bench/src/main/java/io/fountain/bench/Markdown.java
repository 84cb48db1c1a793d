package io.fountain.bench;

import java.util.List;
import java.util.Map;

/**
 * The result as a Markdown table, for docs/performance.md: every figure with its aim,
 * then how each was taken.
 */
final class Markdown {

	private Markdown() {
	}

	@SuppressWarnings("unchecked")
	static String of(Map<String, Object> result) {
		StringBuilder md = new StringBuilder();
		Map<String, Object> machine = (Map<String, Object>) result.get("machine");
		md.append("Run ")
			.append(result.get("startedAt"))
			.append(", mode ")
			.append(result.get("mode"))
			.append(", on ")
			.append(machine.get("cores"))
			.append(" cores (")
			.append(machine.get("cpu"))
			.append("), ")
			.append(machine.get("memory"))
			.append(", ")
			.append(machine.get("java"))
			.append(".\n\n");
		md.append("| measure | choreography | floor (monolith) | ratio | aim |\n|---|---|---|---|---|\n");
		Map<String, Object> cascades = (Map<String, Object>) result.get("cascadeDelete");
		cascades.forEach((size, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			Stats c = (Stats) entry.get("choreography");
			Stats m = (Stats) entry.get("monolith");
			md.append(String.format(
					"| cascade delete %s (%s rows, %d runs) | p50 %.0f ms, p95 %.0f ms | p50 %.1f ms, p95 %.1f ms | %s× / %s× | ≤ 10× |%n",
					size, entry.get("rows"), c.count(), c.p50(), c.p95(), m.p50(), m.p95(), entry.get("ratioP50"),
					entry.get("ratioP95")));
		});
		Map<String, Object> sagas = (Map<String, Object>) result.get("createPlaySaga");
		sagas.forEach((size, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			Stats c = (Stats) entry.get("choreography");
			Stats m = (Stats) entry.get("monolith");
			md.append(String.format(
					"| create-play saga %s, POST /plays to ACTIVE (%s rows, %d runs) | p50 %.0f ms, p95 %.0f ms | p50 %.1f ms, p95 %.1f ms (one transaction, batched) | %s× / %s× | ≤ 10× |%n",
					size, entry.get("rows"), c.count(), c.p50(), c.p95(), m.p50(), m.p95(), entry.get("ratioP50"),
					entry.get("ratioP95")));
		});
		Map<String, Object> t = (Map<String, Object>) result.get("throughput");
		Stats latency = (Stats) t.get("latency");
		md.append(String.format(
				"| add dialogue through the edge, %s users on %s plays (a client each) for %s s | %s commands/s, p50 %.1f ms, p99 %.1f ms, %s errors | | | ≥ 1,000/s, p99 < 100 ms |%n",
				t.getOrDefault("users", t.get("clients")), t.get("clients"), t.get("seconds"),
				t.get("commandsPerSecond"), latency.p50(), latency.p99(), t.get("errors")));
		md.append(String.format(
				"| consumer lag during that load | max %s events, drained in %s s | | | drained < 5 s |%n",
				t.get("maxConsumerLag"), t.get("drainSeconds")));
		Map<String, Object> one = (Map<String, Object>) result.get("throughputOneUser");
		if (one != null) {
			Stats l = (Stats) one.get("latency");
			md.append(String.format(
					"| the same, %s clients all as one user on %s plays, for %s s | %s commands/s, p50 %.1f ms, p99 %.1f ms, %s errors; lag max %s events, drained in %s s | | | (one user's limit and access rows; reported) |%n",
					one.get("clients"), one.get("clients"), one.get("seconds"), one.get("commandsPerSecond"), l.p50(),
					l.p99(), one.get("errors"), one.get("maxConsumerLag"), one.get("drainSeconds")));
		}
		Map<String, Object> idle = (Map<String, Object>) result.get("eventHopIdle");
		if (idle != null) {
			Stats c = (Stats) idle.get("commandLatency");
			md.append(String.format(
					"| event hop, outbox commit to handler, on an idle stack (%s single commands %s ms apart, %s events) | p50 ≤ %s ms, p99 ≤ %s ms (each command: p50 %.1f ms, p99 %.1f ms, %s errors) | | | p50 < 5 ms, p99 < 25 ms |%n",
					idle.get("commands"), idle.get("pauseMs"), idle.get("events"), idle.get("p50MsAtMost"),
					idle.get("p99MsAtMost"), c.p50(), c.p99(), idle.get("errors")));
		}
		Map<String, Object> hop = (Map<String, Object>) result.get("eventHop");
		md.append(String.format(
				"| event hop, outbox commit to handler, during the %s-user command load (%s events) | p50 ≤ %s ms, p99 ≤ %s ms | | | (reported; the aim is on an idle stack) |%n",
				t.getOrDefault("users", t.get("clients")), hop.get("events"), hop.get("p50MsAtMost"),
				hop.get("p99MsAtMost")));
		Map<String, Object> footprint = (Map<String, Object>) result.get("footprint");
		md.append(String.format(
				"| whole stack | ready in %s s, %s MB proportional (PSS), %s MB resident (RSS) | | | < 60 s, < 3 GB (PSS) |%n",
				result.getOrDefault("startupSeconds", "(already running)"),
				footprint.getOrDefault("totalProportionalMegabytes", "?"), footprint.get("totalResidentMegabytes")));
		Map<String, Object> scale = (Map<String, Object>) result.get("scale");
		if (scale != null && scale.containsKey("cascade")) {
			for (String what : List.of("cascade", "saga")) {
				Map<String, Object> entry = (Map<String, Object>) scale.get(what);
				Stats stored = (Stats) entry.get("withStoredPlays");
				Stats empty = (Stats) entry.get("emptySystem");
				md.append(String.format(
						"| %s %s with %s other plays stored (%d runs) | p50 %.0f ms, p95 %.0f ms | empty system: p50 %.0f ms, p95 %.0f ms | %s× | ≤ 1.5× |%n",
						what.equals("cascade") ? "cascade delete" : "create-play saga", scale.get("size"),
						scale.get("storedPlays"), stored.count(), stored.p50(), stored.p95(), empty.p50(), empty.p95(),
						entry.get("ratioP50")));
			}
		}
		md.append("\nResident memory per process (MB, RSS): ").append(footprint.get("residentMegabytes")).append("\n");
		md.append("\nProportional memory per process (MB, PSS: shared pages split between the processes sharing "
				+ "them; the aim is on their sum): ")
			.append(footprint.get("proportionalMegabytes"))
			.append("\n");

		md.append("\nHow the figures were taken:\n\n");
		md.append("- Warm-up: before any timed run, " + Bench.WARM_UP_PLAYS
				+ " untimed plays of the first size are made and "
				+ "deleted (one in --quick), so that the services' hot paths are compiled (C2) as a server's are after its "
				+ "first minutes.\n");
		Map<String, Object> probe = (Map<String, Object>) result.get("cascadeProbe");
		if (probe != null) {
			md.append(String
				.format("- Cascade delete: from `DELETE /scripts/{id}` until no row of the play is left in any of the six "
						+ "databases. The probe counts each service's rows of the play, pausing %s ms between rounds, and stops "
						+ "asking a service once its count is zero; a round took %s ms on average (%s rounds), so a cascade's "
						+ "end is known to within about that.%n", probe.get("pauseMs"), probe.get("meanRoundMs"),
						probe.get("rounds")));
		}
		md.append(
				"- Create-play saga: from `POST /plays` until the play is ACTIVE in script-svc's own table (what `GET "
						+ "/scripts/{id}/status` answers), asked every 2 ms (through the edge every 10 ms, the asking itself took "
						+ "CPU from the saga it timed).\n");
		md.append(String
			.format("- Command load: %s users (`bench-1` ... `bench-%s`), each with a token of its own and one client "
					+ "adding dialogue to a play it owns, as fast as answers come back; then the same %s clients all as user "
					+ "`bench` (one rate-limit bucket, one user's access rows), each on a play of its own.%n",
					t.getOrDefault("users", t.get("clients")), t.get("clients"), t.get("clients")));
		if (idle != null) {
			md.append(String
				.format("- Event hop on an idle stack: before the command load, with consumer lag 0, %s single "
						+ "`POST /scenes/{id}/dialogues` through the edge, each %s ms after the previous answer; lag 0 again, then the "
						+ "services' `fountain_event_hop_seconds` histograms scraped before and after, differenced (upper bounds of "
						+ "buckets). Under load: the same histograms over the %s-user command load.%n",
						idle.get("commands"), idle.get("pauseMs"), t.getOrDefault("users", t.get("clients"))));
		}
		if (scale != null) {
			Map<String, Object> shape = (Map<String, Object>) scale.get("shape");
			md.append(String
				.format("- Scale: %s plays shaped like the %s play were written straight into the six services' "
						+ "databases with SQL (`INSERT ... SELECT` over the plays and the template's parts), not through the edge and "
						+ "without events: their entities, the replicas each service keeps of their parents (`known_parent`), who may "
						+ "see them (`script_access`, `script_known`), script-svc's `script`, `play` and `play_part` rows (ACTIVE), "
						+ "and a `processed_event` row for each event each service applied while a play was made; %s rows in %s s, "
						+ "then VACUUM ANALYZE. ", scale.get("storedPlays"), scale.get("size"),
						scale.get("rowsWritten"), scale.get("loadSeconds")));
			if (shape != null) {
				List<String> differences = (List<String>) shape.get("differences");
				md.append(differences.isEmpty()
						? String.format(
								"A stored play has the same rows as a real one, table by table (%s tables, %s rows). ",
								shape.get("tablesCompared"), shape.get("rowsOfAStoredPlay"))
						: "A stored play differs from a real one in: " + String.join("; ", differences) + ". ");
			}
			md.append(String.format(
					"The empty-system figures are %s; the stored rows (%s) were deleted again after the " + "runs.%n",
					scale.get("emptySystemFrom"), scale.get("rowsRemovedAfter")));
		}
		return md.toString();
	}

}
