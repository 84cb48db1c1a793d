package io.fountain.parents;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.EventContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Periodically looks for children whose parent this service knows to be deleted (a lost
 * or skipped event would leave them) and deletes them the way the cascade would, counting
 * each fix in {@code fountain_reconciliation_fixed_total} (by parent kind) and recording
 * it in table {@code reconciliation_fix} (which outlives a restart). In a healthy system
 * both stay empty: a fix is a lost event to explain.
 */
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final KnownParents known;

	private final TransactionTemplate transactions;

	private final List<Target> targets;

	private final MeterRegistry meters;

	public Reconciler(KnownParents known, TransactionTemplate transactions, List<Target> targets,
			MeterRegistry meters) {
		this.known = known;
		this.transactions = transactions;
		this.targets = List.copyOf(targets);
		this.meters = meters;
		targets.forEach(target -> counter(target.parentKind()));
	}

	/**
	 * One pass over every target; answers how many orphaned parents' children it deleted.
	 */
	public int reconcileOnce() {
		int fixed = 0;
		for (Target target : targets) {
			for (KnownParents.Parent parent : known.deletedWithChildren(target.parentKind(), target.childTable(),
					target.parentColumn())) {
				EventContext.runWith(EventContext.system(), () -> transactions.executeWithoutResult(status -> {
					target.deleteChildrenOf().accept(parent);
					known.recordReconciled(parent, target.childTable());
				}));
				counter(target.parentKind()).increment();
				log.warn(
						"Reconciliation: {} {} is deleted but still had children in {}; deleted them. "
								+ "An event was lost or skipped.",
						target.parentKind(), parent.id(), target.childTable());
				fixed++;
			}
		}
		return fixed;
	}

	private Counter counter(ParentKind kind) {
		return Counter.builder("fountain.reconciliation.fixed")
			.description("Parents found deleted with children still present, whose children reconciliation deleted")
			.tag("parent", kind.wire())
			.register(meters);
	}

	/**
	 * Children in {@code childTable} hang from a parent of {@code parentKind} by
	 * {@code parentColumn}; {@code deleteChildrenOf} deletes them as the parent's
	 * deletion event would have.
	 */
	public record Target(ParentKind parentKind, String childTable, String parentColumn,
			Consumer<KnownParents.Parent> deleteChildrenOf) {
	}

}
