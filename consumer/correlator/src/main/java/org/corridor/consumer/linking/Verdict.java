package org.corridor.consumer.linking;

import java.util.List;

import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.Report;

/**
 * The comparison of two versions, on its way to the pair's decision: {@code a}'s ref sorts before {@code b}'s.
 *
 * @param kind   the link's kind, or null when the versions are not linked
 * @param reason why they are not linked (null when they are)
 */
record Verdict(String pair, Report a, Report b, Link.Kind kind, double score, List<String> keys, String reason) {

    static Verdict of(Report x, Report y, org.corridor.consumer.correlation.Matcher.Verdict v) {
        boolean ordered = x.ref().compareTo(y.ref()) < 0;
        Report a = ordered ? x : y;
        Report b = ordered ? y : x;
        String pair = a.ref() + "|" + b.ref();
        return v.link().map(l -> new Verdict(pair, a, b, l.kind(), l.score(), l.keys(), null))
                .orElseGet(() -> new Verdict(pair, a, b, null, 0, List.of(), v.reason()));
    }

    boolean linked() {
        return kind != null;
    }
}
