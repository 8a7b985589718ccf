package org.corridor.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.corridor.platform.access.SecureSetup;
import org.corridor.producer.rest.AgencyTokens;
import org.corridor.support.security.Principals;

/**
 * The settings Corridor gives each service of the embedded platform for one run: its Kafka principal (on a secured
 * broker), the registry, the demo agencies, the feed directory, what the monitor scrapes. Holds no state of its own.
 */
final class ServiceSettings {

    /** The registry writer's transactional id (and thus its ACL). */
    static final String REGISTRY_WRITER_ID = "corridor-schema-registry";

    private final SecureSetup security;
    private final SecureSetup access;
    private final Map<String, Object> httpUsers;
    private final Path dataDir;

    /**
     * @param security  the broker's security, or null on a plaintext broker
     * @param access    the credential store's setup, for the registry writer (with or without a secured broker)
     * @param httpUsers {@code corridor.http.users.*}, hashed, which every service gets
     */
    ServiceSettings(SecureSetup security, SecureSetup access, Map<String, Object> httpUsers, Path dataDir) {
        this.security = security;
        this.access = access;
        this.httpUsers = Map.copyOf(httpUsers);
        this.dataDir = dataDir;
    }

    Map<String, Object> registry() throws IOException {
        Map<String, Object> p = kafkaClient(Principals.REGISTRY);
        p.put("corridor.registry.writer-id", REGISTRY_WRITER_ID);
        p.putAll(access.registryWriters());
        return p;
    }

    Map<String, Object> ingest(String writerUrl, Map<String, String> tokens) throws IOException {
        Map<String, Object> p = kafkaClient(Principals.INGEST);
        p.put("corridor.ingest.schema-registry-url", writerUrl);
        p.put("corridor.ingest.state-dir", dataDir.resolve("state").resolve("ingest").toAbsolutePath().toString());
        p.put("corridor.ingest.inbox-dir", dataDir.resolve("inboxes").toAbsolutePath().toString());
        int i = 0;
        for (DemoAgencies.Agency a : DemoAgencies.AGENCIES) {
            String agency = "corridor.ingest.agencies[" + i + "].";
            p.put(agency + "id", a.id());
            p.put(agency + "country", a.country());
            p.put(agency + "name", a.name());
            p.put(agency + "token-sha256", AgencyTokens.hash(tokens.get(a.id())));
            if (security != null) {
                p.put(agency + "kafka-password", security.password(Principals.agency(a.id())));
            }
            i++;
        }
        return p;
    }

    /** The router takes the agencies' bearer tokens (hashed) for its explain API. */
    Map<String, Object> router(String writerUrl, Map<String, String> tokens) throws IOException {
        Map<String, Object> p = kafkaClient(Principals.ROUTER);
        p.putAll(org.corridor.platform.access.HttpCredentials.agencyTokens(tokens));
        p.put("corridor.router.schema-registry-url", writerUrl);
        p.put("corridor.router.instance-id", "platform");
        p.put("corridor.router.state-dir", dataDir.resolve("state").resolve("router").toAbsolutePath().toString());
        return p;
    }

    Map<String, Object> subscribers(String writerUrl, List<String> bodyIds) throws IOException {
        Map<String, Object> p = kafkaClient(Principals.SUBSCRIBER);
        p.put("corridor.subscriber.schema-registry-url", writerUrl);
        p.put("corridor.subscriber.file-dir", dataDir.resolve("feeds").toAbsolutePath().toString());
        p.put("corridor.subscriber.inbox-dir", dataDir.resolve("inboxes").toAbsolutePath().toString());
        p.put("corridor.subscriber.state-dir", dataDir.resolve("state").resolve("subscribers").toAbsolutePath().toString());
        if (security != null) {
            for (String body : bodyIds) {
                p.put("corridor.subscriber.body-passwords." + body, security.password(Principals.body(body)));
            }
        }
        return p;
    }

    /**
     * The monitor reads the registry without writer credentials and scrapes the router's, subscribers', agency
     * service's and correlator's metrics as the metrics user.
     */
    Map<String, Object> monitor(String registryUrl, List<URI> scraped, String metricsUserInfo) throws IOException {
        Map<String, Object> p = kafkaClient(Principals.MONITOR);
        p.put("corridor.monitor.schema-registry-url", registryUrl);
        p.put("corridor.monitor.scrape-urls", String.join(",", scraped.stream().map(u -> withUser(u, metricsUserInfo)).toList()));
        return p;
    }

    /** The correlator: its own principal, its stores under the data directory, the agencies' tokens for explain. */
    Map<String, Object> correlator(String writerUrl, Map<String, String> tokens) throws IOException {
        Map<String, Object> p = kafkaClient(Principals.CORRELATOR);
        p.putAll(org.corridor.platform.access.HttpCredentials.agencyTokens(tokens));
        p.put("corridor.correlator.schema-registry-url", writerUrl);
        p.put("corridor.correlator.state-dir", dataDir.resolve("state").resolve("correlator").toAbsolutePath().toString());
        return p;
    }

    private static String withUser(URI service, String userInfo) {
        return service.resolve("/actuator/prometheus").toString().replaceFirst("://", "://" + userInfo + "@");
    }

    /** The Spring properties of a service's Kafka principal (none on a plaintext broker) and its HTTP users. */
    private Map<String, Object> kafkaClient(String principal) throws IOException {
        Map<String, Object> p = security == null ? new HashMap<>() : new HashMap<>(security.kafkaClient(principal));
        p.putAll(httpUsers);
        return p;
    }
}
