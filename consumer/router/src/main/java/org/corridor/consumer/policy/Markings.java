package org.corridor.consumer.policy;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;

/**
 * The dissemination controls the release policy applies, detached from one alert version so that they can be the
 * strictest of several. Unlike {@link Handling}, where an empty {@code releasableTo} means "no list", this record
 * tells "no list" ({@code releasableTo == null}: any body) from "released to nobody" (an empty set), which an
 * intersection of two lists can give. Immutable; sets are sorted copies.
 *
 * @param handlingRestriction the H3 restriction text, or null
 * @param releasableTo        null: no releasable list; otherwise the only bodies it may be released to
 */
public record Markings(Tlp tlp, HandlingCode handlingCode, String handlingRestriction, SortedSet<String> addressedTo,
                       SortedSet<String> releasableTo, SortedSet<String> notReleasableTo) {

    public Markings {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(handlingCode, "handlingCode");
        addressedTo = sorted(addressedTo);
        releasableTo = releasableTo == null ? null : sorted(releasableTo);
        notReleasableTo = sorted(notReleasableTo);
    }

    /** The markings one alert version declares. */
    public static Markings of(Handling h) {
        return new Markings(h.getTlp(), h.getHandlingCode(), h.getHandlingRestriction(), new TreeSet<>(h.getAddressedTo()),
                h.getReleasableTo().isEmpty() ? null : new TreeSet<>(h.getReleasableTo()), new TreeSet<>(h.getNotReleasableTo()));
    }

    /**
     * These markings as an alert's {@link Handling}. A release to nobody cannot be written there (an empty list means
     * "no list"), so it is written as {@code nobody}: the bodies a content-free retraction still goes to.
     */
    public Handling toHandling(boolean relaxes, Collection<String> nobody) {
        List<String> releasable = releasableTo == null ? List.of()
                : releasableTo.isEmpty() ? List.copyOf(new TreeSet<>(nobody)) : List.copyOf(releasableTo);
        return new Handling(tlp, handlingCode, handlingRestriction, new java.util.ArrayList<>(addressedTo),
                new java.util.ArrayList<>(releasable), new java.util.ArrayList<>(notReleasableTo), relaxes);
    }

    private static SortedSet<String> sorted(Collection<String> ids) {
        return ids == null ? new TreeSet<>() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }
}
