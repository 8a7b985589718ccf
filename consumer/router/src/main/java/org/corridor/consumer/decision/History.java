package org.corridor.consumer.decision;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;

/**
 * What the router knows of one alert id from the versions it routed: the agency that owns the id, the highest routed
 * version, the strictest markings so far, every body that received some version and, per routed version, its
 * markings and recipients ({@link Released}, what the return channel decides with). A history migrated from the
 * former recipients-only record has no owner, version 0 and no markings: the next routed version claims the id. A
 * history written before versions were kept has none: {@link #released} then falls back on the whole history.
 * Immutable.
 *
 * @param owner      agencyId of the agency that first published the id, or null when not known
 * @param version    the highest routed version, 0 when none is known
 * @param markings   the strictest markings of the routed versions, or null when none is known
 * @param recipients bodies that received some version, sorted
 * @param versions   each routed version's markings and recipients, by version (empty in histories written before)
 */
public record History(String owner, int version, Markings markings, SortedSet<String> recipients,
                      SortedMap<Integer, Released> versions) {

    /** An id the router has never routed. */
    public static final History NONE = new History(null, 0, null, new TreeSet<>());

    public History {
        if (version < 0) {
            throw new IllegalArgumentException("version must be at least 0, not " + version);
        }
        recipients = Collections.unmodifiableSortedSet(new TreeSet<>(recipients == null ? new TreeSet<>() : recipients));
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions == null ? new TreeMap<>() : versions));
    }

    /** A history without per-version records (as written before they were kept). */
    public History(String owner, int version, Markings markings, SortedSet<String> recipients) {
        this(owner, version, markings, recipients, null);
    }

    /**
     * The routed version's markings and recipients, or null when that version was not routed. A version routed before
     * versions were kept (a history written before, or a version below the first one kept) gets the whole history:
     * the latest markings and every body that received some version.
     */
    public Released released(int alertVersion) {
        Released known = versions.get(alertVersion);
        if (known != null || (!versions.isEmpty() && alertVersion >= versions.firstKey())) {
            return known;
        }
        // Routed before versions were kept (below the first version kept, or none kept).
        return alertVersion >= 1 && alertVersion <= version && markings != null ? new Released(markings, recipients) : null;
    }

    /** A history read from the former record format: only the recipients are known. */
    public static History legacy(Collection<String> recipients) {
        return new History(null, 0, null, new TreeSet<>(recipients));
    }

    /** The history after routing a version under the given markings to the given bodies. */
    public History next(String owner, int version, Markings markings, Collection<String> newRecipients) {
        SortedSet<String> all = new TreeSet<>(recipients);
        all.addAll(newRecipients);
        SortedMap<Integer, Released> routed = new TreeMap<>(versions);
        routed.put(version, new Released(markings, new TreeSet<>(newRecipients)));
        return new History(owner, Math.max(this.version, version), markings, all, routed);
    }

    /**
     * Two views of the same id merged: the one with the higher version (the later one when equal) wins, and the
     * recipients are the union, since a body that received a version never un-receives it.
     */
    public History merge(History later) {
        History winner = later.version >= version ? later : this;
        SortedSet<String> all = new TreeSet<>(recipients);
        all.addAll(later.recipients);
        SortedMap<Integer, Released> routed = new TreeMap<>(versions);
        later.versions.forEach((v, r) -> routed.merge(v, r, Released::merge));
        return new History(winner.owner != null ? winner.owner : (winner == later ? owner : later.owner), winner.version,
                winner.markings, all, routed);
    }
}
