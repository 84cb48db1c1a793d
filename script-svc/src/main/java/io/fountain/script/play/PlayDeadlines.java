package io.fountain.script.play;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for plays PENDING past their deadline and applies the configured policy to each.
 */
@Component
class PlayDeadlines {

	private final PlayProgressRepository ledger;

	private final PlayProgress progress;

	private final PlaySettings settings;

	PlayDeadlines(PlayProgressRepository ledger, PlayProgress progress, PlaySettings settings) {
		this.ledger = ledger;
		this.progress = progress;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${fountain.plays.deadline-check:5s}",
			initialDelayString = "${fountain.plays.deadline-check:5s}")
	void check() {
		for (var scriptId : ledger.pendingSince(Instant.now().minus(settings.deadline()))) {
			progress.deadlinePassed(scriptId);
		}
	}

}
