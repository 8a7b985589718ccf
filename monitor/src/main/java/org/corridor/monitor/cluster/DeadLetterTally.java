package org.corridor.monitor.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.corridor.schemas.topics.Headers;

/**
 * Counts dead letters by reason code from their headers, and keeps the latest few for the dashboard. Only headers
 * are looked at: the record value (the original bytes) is never decoded, logged or kept. Thread-safe.
 */
public final class DeadLetterTally {

    private static final int RECENT = 20;
    private static final int MAX_REASON = 240;

    /** One dead letter as operators see it. */
    public record Entry(Instant at, String code, String reason, String sourceTopic, String sourcePartition,
                        String sourceOffset) {
    }

    private final Map<String, Long> byCode = new TreeMap<>();
    private final Deque<Entry> recent = new ArrayDeque<>();
    private long total;

    public synchronized void add(ConsumerRecord<String, byte[]> record) {
        String code = header(record, Headers.DLQ_REASON_CODE, "UNKNOWN");
        String reason = header(record, Headers.DLQ_REASON, "");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        byCode.merge(code, 1L, Long::sum);
        total++;
        recent.addFirst(new Entry(Instant.ofEpochMilli(record.timestamp()), code, reason,
                header(record, Headers.DLQ_SOURCE_TOPIC, ""), header(record, Headers.DLQ_SOURCE_PARTITION, ""),
                header(record, Headers.DLQ_SOURCE_OFFSET, "")));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    public synchronized long total() {
        return total;
    }

    public synchronized Map<String, Long> byCode() {
        return Map.copyOf(byCode);
    }

    /** Newest first. */
    public synchronized List<Entry> recent() {
        return new ArrayList<>(recent);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name, String fallback) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
    }
}
