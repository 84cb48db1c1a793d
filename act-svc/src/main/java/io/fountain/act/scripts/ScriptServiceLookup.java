package io.fountain.act.scripts;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.fountain.act.ActSettings;
import io.fountain.act.ScriptLookup;

/** Asks script-svc over HTTP ({@code GET /scripts/{id}}) whether a script exists. */
@Component
class ScriptServiceLookup implements ScriptLookup {

	private final RestClient http;

	ScriptServiceLookup(RestClient.Builder builder, ActSettings settings) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(settings.scriptLookupTimeout());
		this.http = builder.clone().baseUrl(settings.scriptServiceUrl()).requestFactory(requests).build();
	}

	@Override
	public boolean exists(UUID scriptId) {
		try {
			Integer code = http.get()
				.uri("/scripts/{id}", scriptId)
				.header("Fountain-User", "system")
				.exchange((request, response) -> response.getStatusCode().value());
			HttpStatus status = HttpStatus.valueOf(code);
			if (status.is2xxSuccessful()) {
				return true;
			}
			if (status == HttpStatus.NOT_FOUND) {
				return false;
			}
			throw new Unavailable("script-svc answered " + status.value() + " for script " + scriptId, null);
		}
		catch (RestClientException ex) {
			throw new Unavailable("script-svc did not answer: " + ex.getMessage(), ex);
		}
	}
}
