package org.corridor.bench.history;

import java.util.LinkedHashMap;
import java.util.Map;

import org.corridor.schemas.topics.Topics;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one {@code bench history} wrote.
 *
 * @param alerts           alerts of history written
 * @param templates        distinct decided alerts they were drawn from
 * @param receiptBodies    recipients per alert that got a DELIVERED and an ACKNOWLEDGED receipt (at most)
 * @param records          records the broker acknowledged, by topic
 * @param auditPartitions  audit partitions whose chains were continued
 * @param chainsVerified   whether each audit partition's head after the writing was the one the history linked last
 *                         (false: something else appended meanwhile, the router probably)
 * @param seconds          from the first send to the last acknowledgement
 * @param recordsPerSecond all records, per second
 * @param alertsPerSecond  alerts, per second
 */
public record HistoryResult(long alerts, int templates, int receiptBodies, Map<String, Long> records, int auditPartitions,
                            boolean chainsVerified, double seconds, double recordsPerSecond, double alertsPerSecond) {

    static HistoryResult of(long alerts, int templates, int receiptBodies, HistoryWriter.Counts counts, int auditPartitions,
                            boolean chainsVerified, double seconds) {
        Map<String, Long> records = new LinkedHashMap<>();
        records.put(Topics.RECIPIENTS, counts.recipients());
        records.put(Topics.AUDIT, counts.audit());
        records.put(Topics.RECEIPTS, counts.receipts());
        double s = Math.max(seconds, 1e-9);
        return new HistoryResult(alerts, templates, receiptBodies, records, auditPartitions, chainsVerified, round(seconds),
                round(counts.total() / s), round(alerts / s));
    }

    /** The result as indented JSON, the form the other bench commands write. */
    public String toJson() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
