package org.corridor.consumer.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.policy.Withheld;
import org.corridor.consumer.routing.Relevance;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithholdReason;

/**
 * Relevance, then the release policy: the whole routing decision for one alert version; a retraction instead goes to
 * exactly the bodies that received an earlier version. Pure and thread-safe.
 */
public final class RouteDecider {

    private final Relevance relevance;
    private final ReleasePolicy policy;
    private final Collection<String> bodies;

    public RouteDecider(Relevance relevance, ReleasePolicy policy, Collection<String> bodies) {
        this.relevance = relevance;
        this.policy = policy;
        this.bodies = bodies;
    }

    /** Under the alert's own markings. @param previousRecipients bodies that received an earlier version of this alert */
    public Decision decide(TraffickingAlert alert, Set<String> previousRecipients) {
        return decide(alert, Markings.of(alert.getHandling()), previousRecipients);
    }

    /** Under the given markings, such as those inherited from earlier versions. */
    public Decision decide(TraffickingAlert alert, Markings markings, Set<String> previousRecipients) {
        return policy.decide(markings, relevance.concerned(alert, previousRecipients), bodies);
    }

    /**
     * A retraction: exactly the bodies that received an earlier version (rule {@value Relevance#PREVIOUS_RECIPIENT}),
     * whatever the rules and markings say now, since it withdraws what they hold and carries no content; every other
     * body is withheld as NOT_CONCERNED.
     */
    public Decision retraction(Set<String> previousRecipients) {
        SortedSet<String> all = new TreeSet<>(bodies);
        all.addAll(previousRecipients);
        List<Withheld> withheld = new ArrayList<>();
        SortedMap<String, Set<String>> rules = new TreeMap<>();
        for (String body : all) {
            if (previousRecipients.contains(body)) {
                rules.put(body, Set.of(Relevance.PREVIOUS_RECIPIENT));
            } else {
                withheld.add(new Withheld(body, WithholdReason.NOT_CONCERNED,
                        "a retraction goes only to the bodies that received an earlier version"));
            }
        }
        return new Decision(new TreeSet<>(previousRecipients), List.copyOf(withheld), rules);
    }
}
