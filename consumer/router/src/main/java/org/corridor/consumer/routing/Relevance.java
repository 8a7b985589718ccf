package org.corridor.consumer.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;

/**
 * Which bodies an alert concerns, and by which rules: every rule whose conditions hold, plus the bodies that received
 * an earlier version of the alert (rule id {@value #PREVIOUS_RECIPIENT}), so corrections and retractions follow the
 * alert even when the rules have changed. Pure and thread-safe.
 */
public final class Relevance {

    /** Pseudo rule id for bodies that received an earlier version. */
    public static final String PREVIOUS_RECIPIENT = "previous-recipient";

    private final List<RoutingRule> rules;
    private final RuleMatcher matcher;

    public Relevance(RoutingRules rules, ReferenceData reference) {
        this.rules = rules.rules();
        this.matcher = new RuleMatcher(reference);
    }

    /** Body id to the ids of the rules that matched it, both sorted. */
    public SortedMap<String, Set<String>> concerned(TraffickingAlert alert, Set<String> previousRecipients) {
        SortedMap<String, Set<String>> bodies = new TreeMap<>();
        for (RoutingRule rule : rules) {
            if (matcher.matches(rule.when(), alert)) {
                bodies.computeIfAbsent(rule.body(), b -> new TreeSet<>()).add(rule.id());
            }
        }
        for (String body : previousRecipients) {
            bodies.computeIfAbsent(body, b -> new TreeSet<>()).add(PREVIOUS_RECIPIENT);
        }
        return bodies;
    }

    /** The same, as an unmodifiable map; convenience for callers without earlier versions. */
    public Map<String, Set<String>> concerned(TraffickingAlert alert) {
        return concerned(alert, Set.of());
    }
}
