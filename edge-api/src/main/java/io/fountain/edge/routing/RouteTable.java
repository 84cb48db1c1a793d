package io.fountain.edge.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.fountain.edge.EdgeSettings;

/**
 * Which downstream service serves a path: the first configured route whose pattern
 * matches.
 */
@Component
public class RouteTable {

	private final List<Entry> entries;

	RouteTable(EdgeSettings settings) {
		this.entries = settings.routes().stream().map(route -> {
			String url = settings.services().get(route.service());
			if (url == null) {
				throw new IllegalStateException("Route " + route.pattern() + " names service '" + route.service()
						+ "', which has no URL under fountain.edge.services");
			}
			return new Entry(PathPatternParser.defaultInstance.parse(route.pattern()),
					new Downstream(route.service(), url), route.maxBodySize());
		}).toList();
	}

	public Optional<Downstream> route(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return entries.stream().filter(entry -> entry.pattern().matches(container)).map(Entry::downstream).findFirst();
	}

	/** The largest body the route of {@code path} takes, when it sets one. */
	public Optional<DataSize> bodyLimit(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return entries.stream().filter(entry -> entry.pattern().matches(container)).findFirst().map(Entry::maxBodySize);
	}

	public List<String> patterns() {
		return entries.stream().map(entry -> entry.pattern().getPatternString()).toList();
	}

	/** A service by name (as in {@code script-svc}) and base URL. */
	public record Downstream(String name, String baseUrl) {

		public String serviceName() {
			return name + "-svc";
		}
	}

	private record Entry(PathPattern pattern, Downstream downstream, DataSize maxBodySize) {
	}

}
