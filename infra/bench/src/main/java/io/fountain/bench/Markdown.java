package io.fountain.bench;

import java.util.Map;

/** The result as a Markdown table, for docs/performance.md. */
final class Markdown {

	private Markdown() {
	}

	@SuppressWarnings("unchecked")
	static String of(Map<String, Object> result) {
		StringBuilder md = new StringBuilder();
		Map<String, Object> machine = (Map<String, Object>) result.get("machine");
		md.append("Run ").append(result.get("startedAt")).append(", mode ").append(result.get("mode")).append(", on ")
			.append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
			.append(machine.get("memory")).append(", ").append(machine.get("java")).append(".\n\n");
		md.append("| measure | choreography | floor (monolith) | ratio | aim |\n|---|---|---|---|---|\n");
		Map<String, Object> cascades = (Map<String, Object>) result.get("cascadeDelete");
		cascades.forEach((size, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			Stats c = (Stats) entry.get("choreography");
			Stats m = (Stats) entry.get("monolith");
			md.append(String.format("| cascade delete %s (%s rows, %d runs) | p50 %.0f ms, p95 %.0f ms | p50 %.1f ms, p95 %.1f ms | %s× / %s× | ≤ 10× |%n",
					size, entry.get("rows"), c.count(), c.p50(), c.p95(), m.p50(), m.p95(), entry.get("ratioP50"),
					entry.get("ratioP95")));
		});
		Map<String, Object> sagas = (Map<String, Object>) result.get("createPlaySaga");
		sagas.forEach((size, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			Stats c = (Stats) entry.get("choreography");
			Stats m = (Stats) entry.get("monolith");
			md.append(String.format("| create-play saga %s, POST /plays to ACTIVE (%s rows, %d runs) | p50 %.0f ms, p95 %.0f ms | p50 %.1f ms, p95 %.1f ms (one transaction, batched) | %s× / %s× | ≤ 10× |%n",
					size, entry.get("rows"), c.count(), c.p50(), c.p95(), m.p50(), m.p95(), entry.get("ratioP50"),
					entry.get("ratioP95")));
		});
		Map<String, Object> t = (Map<String, Object>) result.get("throughput");
		Stats latency = (Stats) t.get("latency");
		md.append(String.format("| add dialogue through the edge, %s clients for %s s | %s commands/s, p50 %.1f ms, p99 %.1f ms, %s errors | | | ≥ 1,000/s, p99 < 100 ms |%n",
				t.get("clients"), t.get("seconds"), t.get("commandsPerSecond"), latency.p50(), latency.p99(), t.get("errors")));
		md.append(String.format("| consumer lag during that load | max %s events, drained in %s s | | | drained < 5 s |%n",
				t.get("maxConsumerLag"), t.get("drainSeconds")));
		Map<String, Object> hop = (Map<String, Object>) result.get("eventHop");
		md.append(String.format("| event hop, outbox commit to handler, during the command load (%s events) | p50 ≤ %s ms, p99 ≤ %s ms | | | p50 < 5 ms, p99 < 25 ms |%n",
				hop.get("events"), hop.get("p50MsAtMost"), hop.get("p99MsAtMost")));
		Map<String, Object> footprint = (Map<String, Object>) result.get("footprint");
		md.append(String.format("| whole stack | ready in %s s, %s MB resident | | | < 60 s, < 3 GB |%n",
				result.getOrDefault("startupSeconds", "(already running)"), footprint.get("totalResidentMegabytes")));
		md.append("\nResident memory per process (MB): ").append(footprint.get("residentMegabytes")).append("\n");
		return md.toString();
	}
}
