package io.fountain.script.play;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of plays being created, prefix {@code fountain.plays}.
 *
 * @param deadline how long a play may stay PENDING before {@code onDeadline} applies
 * @param onDeadline what then: {@code WAIT} (the default: it finishes when the missing
 * service is back; the status says it is overdue) or {@code COMPENSATE} (it fails, and
 * every part made is removed)
 * @param deadlineCheck how often to look for plays past their deadline
 * @param maxDocumentSize the largest play accepted (a Fountain document or JSON); larger
 * gets 413
 */
@ConfigurationProperties("fountain.plays")
public record PlaySettings(@DefaultValue("2m") Duration deadline, @DefaultValue("WAIT") OnDeadline onDeadline,
		@DefaultValue("5s") Duration deadlineCheck, @DefaultValue("12MB") DataSize maxDocumentSize) {

	public enum OnDeadline {

		WAIT, COMPENSATE

	}
}
