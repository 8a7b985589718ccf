package org.corridor.bench.history;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.corridor.support.security.ScramClient;

/**
 * Kafka client settings of the history writers. Each topic is written as the principal the broker's ACLs let write it
 * ({@code AccessPlan}): the router for {@code alerts.recipients} and {@code alerts.audit}, the subscriber service for
 * {@code alerts.receipts}; on a plaintext broker (no {@code sasl.jaas.config} in client.properties) the admin's
 * settings are used as they are. Producers are idempotent with acks=all and large compressed batches: speed without
 * duplicates or reordering, so each audit partition's chain is appended in the order it was linked. Pure.
 */
final class HistoryClients {

    static final int BATCH_BYTES = 1 << 20;
    static final int LINGER_MS = 20;

    private HistoryClients() {
    }

    /**
     * The admin's settings with the principal's SCRAM login in place of the admin's.
     *
     * @throws IllegalArgumentException when the broker is secured and the credentials file has no password for it
     */
    static Map<String, Object> as(String principal, Map<String, Object> admin, Properties credentials) {
        Map<String, Object> p = new HashMap<>(admin);
        if (!p.containsKey("sasl.jaas.config")) {
            return p;
        }
        String password = credentials.getProperty(principal);
        if (password == null) {
            throw new IllegalArgumentException("credentials.properties has no password for principal \"" + principal
                    + "\", the one the broker lets write its topics (is --data-dir the running platform's?)");
        }
        p.putAll(ScramClient.settingsOver(p, principal, password));
        return p;
    }

    /** A fast, idempotent, acks=all producer's settings over the principal's client settings. */
    static Map<String, Object> producer(Map<String, Object> client, String clientId) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArraySerializer");
        return p;
    }
}
