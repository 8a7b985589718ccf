package org.corridor.consumer.delivery;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;

/**
 * Kafka consumer settings of the subscribers: Spring Boot's {@code spring.kafka.consumer.*} with what delivery needs
 * fixed (read_committed, from the earliest offset, no auto-commit, no static member id of the service's own), and per
 * body the SCRAM settings of its principal {@code body-<id>} when {@code body-passwords} has it, so a body's feed,
 * parked records and replays are read as that body. Immutable.
 */
final class BodyClients {

    private final Map<String, Object> common;
    private final Map<String, Map<String, Object>> perBody = new HashMap<>();

    BodyClients(Map<String, Object> consumerProps, Map<String, String> bodyPasswords) {
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        this.common = Collections.unmodifiableMap(props);
        bodyPasswords.forEach((body, password) -> perBody.put(body, ScramClient.settingsOver(props, Principals.body(body), password)));
    }

    /** The settings every body's consumers share (the consumer factory's). */
    Map<String, Object> common() {
        return common;
    }

    /** What replaces the common settings for a body: its principal's, or nothing when it has no password. */
    Properties overrides(String body) {
        Properties p = new Properties();
        perBody.getOrDefault(body, Map.of()).forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        return p;
    }

    /** All settings for reading a body's feed or parked records: the common ones with the body's own principal. */
    Map<String, Object> forBody(String body) {
        Map<String, Object> props = new HashMap<>(common);
        props.putAll(perBody.getOrDefault(body, Map.of()));
        return props;
    }
}
