package org.corridor.monitor.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The return channel's counts as the agency service exports them (it keeps every alert's status; the monitor may read
 * no audit): open and overdue questions per party, feedback per body, and when they were counted. Picked out of
 * scraped samples. Pure.
 *
 * @param countedAt when the agency service last counted; null when it was not scraped or has not counted yet
 * @param questions per party ({@code body:CARICC}, {@code agency:tj-drug-control}): open, then overdue
 * @param feedback  per body id: alerts old enough, then those with an outcome
 */
public record ScrapedThreads(Instant countedAt, Map<String, long[]> questions, Map<String, long[]> feedback) {

    static final String OPEN = "corridor_ingest_questions_open";
    static final String OVERDUE = "corridor_ingest_questions_overdue";
    static final String FEEDBACK_ALERTS = "corridor_ingest_feedback_alerts";
    static final String FEEDBACK_OUTCOMES = "corridor_ingest_feedback_outcomes";
    static final String COUNTED_AT = "corridor_ingest_return_channel_counted_at";

    static final ScrapedThreads NONE = new ScrapedThreads(null, Map.of(), Map.of());

    static ScrapedThreads from(List<PrometheusText.Sample> samples) {
        Instant countedAt = null;
        Map<String, long[]> questions = new TreeMap<>();
        Map<String, long[]> feedback = new TreeMap<>();
        for (PrometheusText.Sample s : samples) {
            switch (s.name()) {
                case COUNTED_AT -> countedAt = s.value() > 0 ? Instant.ofEpochSecond((long) s.value()) : countedAt;
                case OPEN, OVERDUE -> {
                    String kind = s.labels().get("kind");
                    String party = s.labels().get("party");
                    if (kind != null && party != null) {
                        questions.computeIfAbsent(kind + ":" + party, k -> new long[2])[s.name().equals(OPEN) ? 0 : 1] = (long) s.value();
                    }
                }
                case FEEDBACK_ALERTS, FEEDBACK_OUTCOMES -> {
                    String body = s.labels().get("body");
                    if (body != null) {
                        feedback.computeIfAbsent(body, k -> new long[2])[s.name().equals(FEEDBACK_ALERTS) ? 0 : 1] = (long) s.value();
                    }
                }
                default -> {
                }
            }
        }
        return countedAt == null ? NONE : new ScrapedThreads(countedAt, questions, feedback);
    }
}
