package org.corridor.consumer.decision;

import java.util.Set;

import org.corridor.consumer.policy.Decision;
import org.corridor.schemas.avro.TraffickingAlert;

/** What {@link Triage} decided for one inbound record: accepted, routed, or a {@link DeadLetter}. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Routed, DeadLetter {

    /** The record holds a valid alert of the topic's agency, keyed by its id: it may be routed. */
    record Accepted(TraffickingAlert alert) implements Outcome {
    }

    /**
     * The routing decision for an accepted alert.
     *
     * @param previousRecipients the bodies that had received earlier versions, as the decision saw them
     * @param markings           the markings the decision applied, with what was inherited or explicitly relaxed
     * @param history            what the router knows of the id once this version is routed
     */
    record Routed(TraffickingAlert alert, Decision decision, Set<String> previousRecipients,
                  MarkingInheritance.Result markings, History history) implements Outcome {

        /** The version as the feeds get it: the effective markings, and no content when it is a retraction. */
        public TraffickingAlert released() {
            TraffickingAlert out = TraffickingAlert.newBuilder(alert).setHandling(markings.effective()
                    .toHandling(alert.getHandling().getRelaxes(), decision.recipients())).build();
            return isRetraction() ? Retractions.withoutContent(out) : out;
        }

        /** Whether the feeds can get the inbound bytes as they are (own markings, not a retraction). */
        public boolean releasedAsPublished() {
            return !isRetraction() && markings.inherited().isEmpty();
        }

        public boolean isRetraction() {
            return alert.getLifecycle() == org.corridor.schemas.avro.Lifecycle.RETRACTION;
        }
    }
}
