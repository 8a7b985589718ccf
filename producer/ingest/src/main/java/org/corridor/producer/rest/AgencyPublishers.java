package org.corridor.producer.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.corridor.producer.publish.AlertPublisher;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;

/**
 * The publisher each agency's requests go through. On a secured broker every agency with a Kafka password gets a
 * producer that authenticates as {@code agency-<id>}, whose ACLs allow writing only its own inbound topic: a bug that
 * mixed agencies up in this service would be refused by the broker. Agencies without one share the service's
 * publisher (a plaintext broker). Thread-safe.
 */
final class AgencyPublishers implements AutoCloseable {

    private final AlertPublisher shared;
    private final Map<String, AlertPublisher> own = new HashMap<>();

    /**
     * @param client  the service's Kafka client settings
     * @param factory builds a publisher from client settings
     */
    AgencyPublishers(Map<String, Object> client, List<AgencyAccount> agencies, Function<Map<String, Object>, AlertPublisher> factory) {
        this.shared = agencies.stream().allMatch(a -> a.kafkaPassword() != null) && !agencies.isEmpty() ? null : factory.apply(client);
        for (AgencyAccount a : agencies) {
            if (a.kafkaPassword() != null) {
                Map<String, Object> props = new HashMap<>(client);
                props.putAll(ScramClient.settingsOver(client, Principals.agency(a.id()), a.kafkaPassword()));
                props.put("client.id", "corridor-ingest-" + a.id());
                own.put(a.id(), factory.apply(props));
            }
        }
    }

    AlertPublisher of(String agencyId) {
        AlertPublisher p = own.get(agencyId);
        if (p != null) {
            return p;
        }
        if (shared == null) {
            throw new IllegalStateException("no publisher for agency " + agencyId);
        }
        return shared;
    }

    /** Every publisher, for metrics. */
    List<AlertPublisher> all() {
        List<AlertPublisher> all = new java.util.ArrayList<>(own.values());
        if (shared != null) {
            all.add(shared);
        }
        return all;
    }

    @Override
    public void close() {
        all().forEach(AlertPublisher::close);
    }
}
