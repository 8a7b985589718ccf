package org.corridor.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.SecureSetup;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.monitor.MonitorApplication;
import org.corridor.producer.ingest.IngestApplication;
import org.corridor.producer.rest.AgencyTokens;
import org.corridor.registry.RegistryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole exchange in this JVM: the broker (or an external cluster), the registry (or an external one), then
 * the agency REST service, the router and the subscribers, each in a Spring context of its own on its own port. Closing
 * stops them in reverse order; the data directory is kept, so a restart resumes where it stopped.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private final PlatformSettings settings;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private String registryUrl;
    private final Map<String, String> urls = new java.util.LinkedHashMap<>();

    private final Map<String, Object> extraProperties;
    /** The registry writer's transactional id (and thus its ACL). */
    private static final String REGISTRY_WRITER_ID = "corridor-schema-registry";
    private SecureSetup security;

    public EmbeddedPlatform(PlatformSettings settings) {
        this(settings, Map.of());
    }

    /** @param extraProperties Spring properties given to every service (each ignores what is not its own) */
    public EmbeddedPlatform(PlatformSettings settings, Map<String, Object> extraProperties) {
        this.settings = settings;
        this.extraProperties = Map.copyOf(extraProperties);
    }

    /** Starts everything and returns once every service answers. */
    public EmbeddedPlatform start() throws IOException {
        if (settings.embeddedBroker()) {
            PortCheck.requireFree(settings.kafkaPort(), "Kafka", "--kafka-port");
        }
        if (settings.embeddedRegistry()) {
            PortCheck.requireFree(settings.registryPort(), "schema registry", "--registry-port");
        }
        PortCheck.requireFree(settings.restPort(), "agency REST service", "--rest-port");
        PortCheck.requireFree(settings.routerPort(), "router", "--router-port");
        PortCheck.requireFree(settings.subscriberPort(), "subscribers", "--subscriber-port");
        PortCheck.requireFree(settings.monitorPort(), "monitor", "--monitor-port");
        Map<String, String> tokens = DemoAgencies.tokens(settings.dataDir());
        List<String> agencyIds = DemoAgencies.AGENCIES.stream().map(DemoAgencies.Agency::id).toList();
        List<String> bodyIds = List.copyOf(ReferenceData.defaults().bodyIds());
        try {
            if (settings.secured()) {
                security = new SecureSetup(CredentialStore.open(settings.dataDir()));
                broker = EmbeddedKafkaBroker.secured(settings.dataDir().resolve("kafka"), settings.kafkaPort(), Map.of(),
                        security.brokerSecurity()).start(Duration.ofSeconds(60));
                try (Admin superUser = Admin.create(broker.superUserClient())) {
                    security.provision(superUser, REGISTRY_WRITER_ID, agencyIds, bodyIds);
                }
            } else if (settings.embeddedBroker()) {
                broker = EmbeddedKafkaBroker.singleNode(settings.dataDir().resolve("kafka"), settings.kafkaPort(), Map.of())
                        .start(Duration.ofSeconds(60));
            }
            bootstrapServers = settings.embeddedBroker() ? broker.bootstrapServers() : settings.bootstrapServers();
            urls.put("Kafka", bootstrapServers + (!settings.embeddedBroker() ? " (external)"
                    : settings.secured() ? " (embedded KRaft broker; SASL/SCRAM-SHA-512, ACLs)" : " (embedded KRaft broker; PLAINTEXT, no ACLs: --insecure)"));
            if (settings.embeddedRegistry()) {
                Map<String, Object> registryProps = new HashMap<>(kafkaClient(Principals.REGISTRY));
                registryProps.put("corridor.registry.writer-id", REGISTRY_WRITER_ID);
                if (security != null) {
                    registryProps.putAll(security.registryWriters());
                }
                ConfigurableApplicationContext registry = run(RegistryApplication.class, RegistryApplication.DEFAULTS,
                        settings.registryPort(), registryProps);
                registryUrl = url(registry);
            } else {
                registryUrl = settings.schemaRegistryUrl();
            }
            String writerUrl = security == null ? registryUrl : security.registryWriterUrl(registryUrl);
            SecureSetup.writeClientConfig(settings.dataDir(), bootstrapServers, security == null ? Map.of()
                    : ScramClient.settings(Principals.ADMIN, security.password(Principals.ADMIN)), registryUrl,
                    security == null ? null : security.registryUserInfo());
            urls.put("Schema registry", registryUrl + (settings.embeddedRegistry() ? (security == null ? "" : "   (writes need credentials)") : " (external)"));
            Map<String, Object> ingest = new HashMap<>(kafkaClient(Principals.INGEST));
            ingest.put("corridor.ingest.schema-registry-url", writerUrl);
            int i = 0;
            for (DemoAgencies.Agency a : DemoAgencies.AGENCIES) {
                ingest.put("corridor.ingest.agencies[" + i + "].id", a.id());
                ingest.put("corridor.ingest.agencies[" + i + "].country", a.country());
                ingest.put("corridor.ingest.agencies[" + i + "].name", a.name());
                ingest.put("corridor.ingest.agencies[" + i + "].token-sha256", AgencyTokens.hash(tokens.get(a.id())));
                if (security != null) {
                    ingest.put("corridor.ingest.agencies[" + i + "].kafka-password", security.password(Principals.agency(a.id())));
                }
                i++;
            }
            Map<String, Object> routerProps = new HashMap<>(kafkaClient(Principals.ROUTER));
            routerProps.put("corridor.router.schema-registry-url", writerUrl);
            routerProps.put("corridor.router.instance-id", "platform");
            Map<String, Object> subscriberProps = new HashMap<>(kafkaClient(Principals.SUBSCRIBER));
            subscriberProps.put("corridor.subscriber.schema-registry-url", writerUrl);
            subscriberProps.put("corridor.subscriber.file-dir", settings.dataDir().resolve("feeds").toAbsolutePath().toString());
            if (security != null) {
                for (String body : bodyIds) {
                    subscriberProps.put("corridor.subscriber.body-passwords." + body, security.password(Principals.body(body)));
                }
            }
            CompletableFuture<ConfigurableApplicationContext> rest = CompletableFuture.supplyAsync(() ->
                    run(IngestApplication.class, IngestApplication.DEFAULTS, settings.restPort(), ingest));
            CompletableFuture<ConfigurableApplicationContext> router = CompletableFuture.supplyAsync(() ->
                    run(RouterApplication.class, RouterApplication.DEFAULTS, settings.routerPort(), routerProps));
            CompletableFuture<ConfigurableApplicationContext> subscribers = CompletableFuture.supplyAsync(() ->
                    run(SubscriberApplication.class, SubscriberApplication.DEFAULTS, settings.subscriberPort(), subscriberProps));
            urls.put("Agency REST API", url(rest.join()) + "/api/v1/alerts   (OpenAPI: /v3/api-docs)");
            urls.put("Router", url(router.join()) + "/api/v1/routing/explain   (metrics: /actuator/prometheus)");
            String routerUrl = url(router.join());
            String subscriberUrl = url(subscribers.join());
            urls.put("Subscribers", subscriberUrl + "/api/v1/feeds/{body}/...   (metrics: /actuator/prometheus)");
            Map<String, Object> monitorProps = new HashMap<>(kafkaClient(Principals.MONITOR));
            monitorProps.put("corridor.monitor.schema-registry-url", registryUrl);
            monitorProps.put("corridor.monitor.scrape-urls", routerUrl + "/actuator/prometheus," + subscriberUrl + "/actuator/prometheus");
            ConfigurableApplicationContext monitor = run(MonitorApplication.class, MonitorApplication.DEFAULTS, settings.monitorPort(),
                    monitorProps);
            urls.put("Monitor", url(monitor) + "/   (dashboard; ./corridor status; /api/v1/health)");
            return this;
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /** The Spring properties of a service's Kafka principal; none on a plaintext broker. */
    private Map<String, Object> kafkaClient(String principal) throws IOException {
        return security == null ? Map.of() : security.kafkaClient(principal);
    }

    /** Whether the embedded broker requires authentication and enforces ACLs. */
    public boolean secured() {
        return security != null;
    }

    private ConfigurableApplicationContext run(Class<?> app, Map<String, Object> defaults, int port, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(defaults);
        props.put("server.port", Integer.toString(port));
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("spring.main.banner-mode", "off");
        // The platform stops the services itself, in order, before the broker.
        props.put("spring.main.register-shutdown-hook", "false");
        props.put("spring.main.log-startup-info", "false");
        // Only the agency REST service publishes an OpenAPI document.
        props.put("springdoc.api-docs.enabled", Boolean.toString(app == IngestApplication.class));
        props.putAll(extra);
        props.putAll(extraProperties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).properties(props).run();
        synchronized (contexts) {
            contexts.add(context);
        }
        return context;
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Kafka client settings of the admin principal (just the bootstrap servers on a plaintext broker). */
    public Map<String, Object> adminClient() throws IOException {
        return SecureSetup.readClientConfig(settings.dataDir(), bootstrapServers);
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** Service name to address, in start order. */
    public Map<String, String> urls() {
        return urls;
    }

    public String subscriberUrl() {
        return urls.get("Subscribers").split(" ")[0].replace("/api/v1/feeds/{body}/...", "");
    }

    public String restUrl() {
        return urls.get("Agency REST API").split(" ")[0].replace("/api/v1/alerts", "");
    }

    public String monitorUrl() {
        return urls.get("Monitor").split(" ")[0].replaceAll("/$", "");
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** Stops the services, then the broker; the data directory stays. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> reverse;
        synchronized (contexts) {
            reverse = new ArrayList<>(contexts);
            contexts.clear();
        }
        java.util.Collections.reverse(reverse);
        for (ConfigurableApplicationContext c : reverse) {
            try {
                c.close();
            } catch (RuntimeException e) {
                System.err.println("corridor: error while stopping a service: " + e);
            }
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
