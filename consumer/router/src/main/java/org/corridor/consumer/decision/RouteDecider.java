package org.corridor.consumer.decision;

import java.util.Collection;
import java.util.Set;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.schemas.avro.TraffickingAlert;

/** Relevance, then the release policy: the whole routing decision for one alert version. Pure and thread-safe. */
public final class RouteDecider {

    private final Relevance relevance;
    private final ReleasePolicy policy;
    private final Collection<String> bodies;

    public RouteDecider(Relevance relevance, ReleasePolicy policy, Collection<String> bodies) {
        this.relevance = relevance;
        this.policy = policy;
        this.bodies = bodies;
    }

    /** @param previousRecipients bodies that received an earlier version of this alert */
    public Decision decide(TraffickingAlert alert, Set<String> previousRecipients) {
        return policy.decide(alert, relevance.concerned(alert, previousRecipients), bodies);
    }
}
