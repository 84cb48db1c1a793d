package io.fountain.act;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scriptServiceUrl where script-svc answers, to confirm a script this service has not heard of yet
 * @param scriptLookupTimeout how long that confirmation may take
 */
@ConfigurationProperties("fountain.act")
public record ActSettings(@DefaultValue("http://127.0.0.1:8081") String scriptServiceUrl,
		@DefaultValue("3s") Duration scriptLookupTimeout) {
}
