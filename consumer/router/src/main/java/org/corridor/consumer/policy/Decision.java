package org.corridor.consumer.policy;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Who receives an alert version and why the others do not.
 *
 * @param recipients   body ids that receive it, sorted
 * @param withheld     every other body with its reason, sorted by body
 * @param matchedRules body id to the ids of the rules that made it concerned (also for withheld bodies), sorted
 */
public record Decision(SortedSet<String> recipients, List<Withheld> withheld, SortedMap<String, Set<String>> matchedRules) {

    /** The rule ids behind a recipient, or {@code addressed} when it is only an addressee. */
    public Set<String> rulesFor(String body) {
        return matchedRules.getOrDefault(body, Set.of(ReleasePolicy.ADDRESSED));
    }
}
