package org.corridor.consumer.decision;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;

/**
 * One routed alert version as the return channel needs it: the markings it was released under and the bodies that
 * received it. Who may respond to the version, and how far a response may reach, are decided from this alone.
 *
 * @param markings   the effective markings of the version
 * @param recipients the bodies whose feeds received the version, sorted
 */
public record Released(Markings markings, SortedSet<String> recipients) {

    public Released {
        Objects.requireNonNull(markings, "markings");
        recipients = Collections.unmodifiableSortedSet(new TreeSet<>(recipients == null ? new TreeSet<>() : recipients));
    }

    /** The two records of the same version merged (a record handed over twice is the same record). */
    Released merge(Released other) {
        SortedSet<String> all = new TreeSet<>(recipients);
        all.addAll(other.recipients);
        return new Released(markings, all);
    }
}
