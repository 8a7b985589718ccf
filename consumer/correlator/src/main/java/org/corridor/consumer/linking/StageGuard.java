package org.corridor.consumer.linking;

import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record's work in a stage of the topology: whatever the record does to it, it must not stop every other record,
 * so a failure is counted ({@link CorrelatorMetrics#failed}), logged and the record skipped. Kafka Streams' own
 * exceptions (a fenced producer, a store that failed) pass: it restarts the task from its last commit.
 */
final class StageGuard {

    private static final Logger log = LoggerFactory.getLogger(StageGuard.class);

    private StageGuard() {
    }

    static void run(String stage, String key, CorrelatorMetrics metrics, Runnable work) {
        try {
            work.run();
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(stage);
            log.warn("correlator: {} skipped the record of key {}: {}", stage, key, e.toString());
        }
    }
}
