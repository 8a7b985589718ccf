package org.corridor.consumer.correlator;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The correlator's {@link KafkaStreams}, started and stopped with the service. A stream thread that fails (the
 * registry unreachable, a broker gone) is replaced and resumes from its last commit, so no failure stops the
 * correlator for good.
 */
final class CorrelatorStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorrelatorStreams.class);

    private final KafkaStreams streams;
    private final boolean enabled;
    private volatile boolean running;

    CorrelatorStreams(Topology topology, Map<String, Object> config, boolean enabled) {
        this.enabled = enabled;
        Properties props = new Properties();
        props.putAll(config);
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("correlator: a stream thread failed; replacing it, it resumes from its last commit", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("correlator: {} -> {}", before, now));
    }

    @Override
    public void start() {
        if (enabled) {
            streams.start();
        } else {
            log.warn("correlator: disabled (corridor.correlator.enabled=false): nothing is linked");
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.close(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    KafkaStreams streams() {
        return streams;
    }
}
