package org.corridor.consumer.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithholdReason;

/**
 * Applies the originator's markings to the bodies an alert concerns. A body receives the alert only when it is
 * concerned (a rule matched, or it received an earlier version) or addressed, and no marking excludes it:
 * <ol>
 *   <li>{@code notReleasableTo} always wins;</li>
 *   <li>TLP:RED goes only to {@code addressedTo};</li>
 *   <li>handling code H2 (no dissemination without permission) goes only to {@code addressedTo};</li>
 *   <li>a non-empty {@code releasableTo} restricts to that list.</li>
 * </ol>
 * AMBER and AMBER+STRICT reach only concerned or addressed bodies (never a broadcast); GREEN and CLEAR any concerned
 * body. Every other body is recorded as withheld with the first reason that applies. Pure, deterministic, thread-safe.
 */
public final class ReleasePolicy {

    /** Pseudo rule id of a recipient that no rule matched but the originator addressed. */
    public static final String ADDRESSED = "addressed";

    /** The decision under the alert's own markings. */
    public Decision decide(TraffickingAlert alert, SortedMap<String, Set<String>> concerned, Collection<String> allBodies) {
        return decide(Markings.of(alert.getHandling()), concerned, allBodies);
    }

    /**
     * The decision under the given markings, such as the strictest of an alert's versions. A {@code releasableTo}
     * that is an empty set releases to nobody.
     */
    public Decision decide(Markings h, SortedMap<String, Set<String>> concerned, Collection<String> allBodies) {
        Set<String> addressed = new HashSet<>(h.addressedTo());
        Set<String> releasable = h.releasableTo() == null ? null : new HashSet<>(h.releasableTo());
        Set<String> excluded = new HashSet<>(h.notReleasableTo());
        SortedSet<String> bodies = new TreeSet<>(allBodies);
        bodies.addAll(concerned.keySet());
        bodies.addAll(addressed);
        SortedSet<String> recipients = new TreeSet<>();
        List<Withheld> withheld = new ArrayList<>();
        for (String body : bodies) {
            boolean isConcerned = concerned.containsKey(body);
            boolean isAddressed = addressed.contains(body);
            if (!isConcerned && !isAddressed) {
                withheld.add(new Withheld(body, WithholdReason.NOT_CONCERNED, "no routing rule matched and not addressed"));
            } else if (excluded.contains(body)) {
                withheld.add(new Withheld(body, WithholdReason.NOT_RELEASABLE, "the originator marked it not releasable to " + body));
            } else if (h.tlp() == Tlp.RED && !isAddressed) {
                withheld.add(new Withheld(body, WithholdReason.TLP_RED_NOT_ADDRESSED, "TLP:RED goes only to its addressees"));
            } else if (h.handlingCode() == HandlingCode.H2 && !isAddressed) {
                withheld.add(new Withheld(body, WithholdReason.H2_NOT_ADDRESSED,
                        "handling code H2: no dissemination beyond the addressees without the provider's permission"));
            } else if (releasable != null && !releasable.contains(body)) {
                withheld.add(new Withheld(body, WithholdReason.OUTSIDE_RELEASABLE_LIST,
                        "releasable only to " + new TreeSet<>(releasable)));
            } else {
                recipients.add(body);
            }
        }
        SortedMap<String, Set<String>> rules = new TreeMap<>();
        concerned.forEach((body, ids) -> rules.put(body, Set.copyOf(new TreeSet<>(ids))));
        return new Decision(recipients, List.copyOf(withheld), rules);
    }
}
