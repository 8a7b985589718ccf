package org.corridor.consumer.linking;

import java.util.List;

/**
 * The link of a pair as last told: the versions it was about, its kind, score and keys, and who was told (so that a
 * withdrawal reaches exactly them); or, once withdrawn, just the versions ({@link #unlinked}).
 */
record PairState(int versionA, int versionB, String kind, double score, List<String> keys, List<String> hitTo,
                 List<NoticeTo> notices) {

    /** A blind notice as told: to whom, about which of its alerts, through which bodies. */
    record NoticeTo(String agency, String alert, List<String> askThrough) {
    }

    private static final String NONE = "NONE";

    /** A pair whose link was withdrawn at these versions. */
    static PairState unlinked(int versionA, int versionB) {
        return new PairState(versionA, versionB, NONE, 0, List.of(), List.of(), List.of());
    }

    boolean linked() {
        return !NONE.equals(kind);
    }

    PairState {
        keys = List.copyOf(keys);
        hitTo = List.copyOf(hitTo);
        notices = List.copyOf(notices);
    }

    /** Whether the link, or who learns of it, differs from this (the versions aside). */
    boolean differs(PairState other) {
        return !kind.equals(other.kind) || score != other.score || !keys.equals(other.keys) || !hitTo.equals(other.hitTo)
                || !notices.equals(other.notices);
    }
}
