package org.corridor.consumer.decision;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;

/**
 * What the router knows of one alert id from the versions it routed: the agency that owns the id, the highest routed
 * version, the strictest markings so far and every body that received some version. A history migrated from the
 * former recipients-only record has no owner, version 0 and no markings: the next routed version claims the id.
 * Immutable.
 *
 * @param owner      agencyId of the agency that first published the id, or null when not known
 * @param version    the highest routed version, 0 when none is known
 * @param markings   the strictest markings of the routed versions, or null when none is known
 * @param recipients bodies that received some version, sorted
 */
public record History(String owner, int version, Markings markings, SortedSet<String> recipients) {

    /** An id the router has never routed. */
    public static final History NONE = new History(null, 0, null, new TreeSet<>());

    public History {
        if (version < 0) {
            throw new IllegalArgumentException("version must be at least 0, not " + version);
        }
        recipients = Collections.unmodifiableSortedSet(new TreeSet<>(recipients == null ? new TreeSet<>() : recipients));
    }

    /** A history read from the former record format: only the recipients are known. */
    public static History legacy(Collection<String> recipients) {
        return new History(null, 0, null, new TreeSet<>(recipients));
    }

    /** The history after routing a version under the given markings to the given bodies. */
    public History next(String owner, int version, Markings markings, Collection<String> newRecipients) {
        SortedSet<String> all = new TreeSet<>(recipients);
        all.addAll(newRecipients);
        return new History(owner, Math.max(this.version, version), markings, all);
    }

    /**
     * Two views of the same id merged: the one with the higher version (the later one when equal) wins, and the
     * recipients are the union, since a body that received a version never un-receives it.
     */
    public History merge(History later) {
        History winner = later.version >= version ? later : this;
        SortedSet<String> all = new TreeSet<>(recipients);
        all.addAll(later.recipients);
        return new History(winner.owner != null ? winner.owner : (winner == later ? owner : later.owner), winner.version,
                winner.markings, all);
    }
}
