package org.corridor.producer.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the return channel owes and has given, counted over every alert's status: per party the questions still open
 * and those past due (a body's are the ones it asked, an agency's the ones it was asked), and per body its feedback,
 * the share of the alerts delivered to it at least {@code feedbackAge} ago that it reported an outcome for. Fed one
 * status at a time ({@link #add}); confined to the thread that counts.
 */
final class ReturnChannelCounts {

    /** Open and overdue questions of one party. */
    record Questions(long open, long overdue) {
    }

    /**
     * A body's feedback.
     *
     * @param alerts       alerts delivered to the body at least the feedback age ago
     * @param withOutcome  those it reported an outcome for
     */
    record Feedback(long alerts, long withOutcome) {

        /** The share with an outcome, or NaN when no alert is old enough. */
        double rate() {
            return alerts == 0 ? Double.NaN : (double) withOutcome / alerts;
        }
    }

    private final Instant now;
    private final Instant deliveredBy;
    private final Map<String, long[]> bodyQuestions = new TreeMap<>();
    private final Map<String, long[]> agencyQuestions = new TreeMap<>();
    private final Map<String, long[]> feedback = new TreeMap<>();

    ReturnChannelCounts(Instant now, Duration feedbackAge) {
        this.now = now;
        this.deliveredBy = now.minus(feedbackAge);
    }

    void add(AlertStatus status) {
        status.bodies.forEach((body, s) -> {
            for (Instant due : s.openQuestions.values()) {
                boolean overdue = due != null && due.isBefore(now);
                count(bodyQuestions, body, overdue);
                count(agencyQuestions, status.originAgency, overdue);
            }
            if (s.deliveredAt != null && !s.deliveredAt.isAfter(deliveredBy)) {
                long[] f = feedback.computeIfAbsent(body, b -> new long[2]);
                f[0]++;
                if (s.outcome != null) {
                    f[1]++;
                }
            }
        });
    }

    private static void count(Map<String, long[]> counts, String party, boolean overdue) {
        long[] c = counts.computeIfAbsent(party, p -> new long[2]);
        c[0]++;
        if (overdue) {
            c[1]++;
        }
    }

    /** Per body id, the questions it asked that are open. */
    Map<String, Questions> bodies() {
        return questions(bodyQuestions);
    }

    /** Per agency id, the questions on its alerts that are open. */
    Map<String, Questions> agencies() {
        return questions(agencyQuestions);
    }

    /** Per body id, its feedback (bodies with no alert old enough are left out). */
    Map<String, Feedback> feedback() {
        Map<String, Feedback> out = new TreeMap<>();
        feedback.forEach((body, f) -> out.put(body, new Feedback(f[0], f[1])));
        return out;
    }

    private static Map<String, Questions> questions(Map<String, long[]> counts) {
        Map<String, Questions> out = new TreeMap<>();
        counts.forEach((party, c) -> out.put(party, new Questions(c[0], c[1])));
        return out;
    }
}
