package org.corridor.platform.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.broker.BrokerSecurity;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.security.ClientConfigFile;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;

/**
 * The embedded platform's security: the broker's password, every principal's SCRAM credential and ACLs, and the
 * client settings each service gets. Run on every start (idempotent); passwords come from the
 * {@link CredentialStore}, generated the first time.
 */
public final class SecureSetup {

    /** The schema registry's writer (HTTP basic user), shared by the services that register schemas. */
    public static final String REGISTRY_WRITER = "corridor";
    /** Operator tools' Kafka client settings (admin principal), like Kafka's own {@code --command-config} files. */
    public static final String CLIENT_CONFIG = "client.properties";
    static final String REGISTRY_WRITER_KEY = "registry-writer";
    static final String BROKER_KEY = "broker";

    private final CredentialStore store;

    public SecureSetup(CredentialStore store) {
        this.store = store;
    }

    public BrokerSecurity brokerSecurity() throws IOException {
        return new BrokerSecurity(store.password(BROKER_KEY));
    }

    /** Creates or refreshes the credentials and ACLs of the services, the agencies and the bodies. */
    public void provision(Admin superUser, String registryWriterId, List<String> agencies, List<String> bodies) throws IOException {
        Provisioner p = new Provisioner(superUser, 3, (short) 1);
        p.addServices(this::passwordUnchecked, registryWriterId, bodies);
        for (String agency : agencies) {
            p.addAgency(agency, store.password(Principals.agency(agency)));
        }
        for (String body : bodies) {
            p.addBody(body, store.password(Principals.body(body)));
        }
    }

    /** Spring properties that make a service's Kafka clients authenticate as the principal. */
    public Map<String, Object> kafkaClient(String principal) throws IOException {
        Map<String, Object> props = new HashMap<>();
        ScramClient.settings(principal, store.password(principal)).forEach((k, v) -> props.put("spring.kafka.properties." + k, v));
        return props;
    }

    public String password(String principal) throws IOException {
        return store.password(principal);
    }

    private String passwordUnchecked(String principal) {
        try {
            return store.password(principal);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the password of " + principal + " in " + store.file(), e);
        }
    }

    /** The registry URL with the writer's credentials in it, for services that register schemas. */
    public String registryWriterUrl(String registryUrl) throws IOException {
        return registryUrl.replaceFirst("://", "://" + REGISTRY_WRITER + ":" + store.password(REGISTRY_WRITER_KEY) + "@");
    }

    /** The registry's writer table: user to SHA-256 of the password. */
    public Map<String, Object> registryWriters() throws IOException {
        return Map.of("corridor.registry.writers." + REGISTRY_WRITER, sha256(store.password(REGISTRY_WRITER_KEY)));
    }

    /**
     * Writes the admin's client settings (Kafka and registry writer), owner-only, for the ./corridor commands and
     * Kafka's own tools ({@code --command-config data/client.properties}).
     */
    public static void writeClientConfig(Path dataDir, String bootstrapServers, Map<String, Object> kafkaSecurity,
                                         String registryUrl, String registryUserInfo) throws IOException {
        Map<String, Object> kafka = new HashMap<>(kafkaSecurity);
        kafka.put("bootstrap.servers", bootstrapServers);
        Map<String, Object> serde = new HashMap<>();
        serde.put(RegistryClientConfig.URL, registryUrl);
        if (registryUserInfo != null) {
            serde.put(RegistryClientConfig.BASIC_AUTH_SOURCE, "USER_INFO");
            serde.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, registryUserInfo);
        }
        new ClientConfigFile(kafka, serde).write(dataDir.resolve(CLIENT_CONFIG),
                "Corridor admin client settings: Kafka (admin principal) and schema registry writer. Secret, owner-only.");
    }

    /** The registry writer's user:password, for basic.auth.user.info. */
    public String registryUserInfo() throws IOException {
        return REGISTRY_WRITER + ":" + store.password(REGISTRY_WRITER_KEY);
    }

    /** The Kafka part of a client settings file written by {@link #writeClientConfig}; just the bootstrap servers when absent. */
    public static Map<String, Object> readClientConfig(Path dataDir, String fallbackBootstrap) throws IOException {
        Path file = dataDir.resolve(CLIENT_CONFIG);
        if (!Files.exists(file)) {
            return new HashMap<>(Map.of("bootstrap.servers", fallbackBootstrap));
        }
        return new HashMap<>(ClientConfigFile.load(file).kafka());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
