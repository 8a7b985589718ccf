package org.corridor.consumer.decision;

import java.util.Set;

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
     */
    record Routed(TraffickingAlert alert, org.corridor.consumer.policy.Decision decision, Set<String> previousRecipients)
            implements Outcome {
    }
}
