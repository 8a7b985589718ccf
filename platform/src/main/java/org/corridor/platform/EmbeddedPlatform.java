package org.corridor.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.consumer.RouterApplication;
import org.corridor.consumer.SubscriberApplication;
import org.corridor.monitor.MonitorApplication;
import org.corridor.producer.IngestApplication;
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
        try {
            if (settings.embeddedBroker()) {
                broker = EmbeddedKafkaBroker.singleNode(settings.dataDir().resolve("kafka"), settings.kafkaPort(), Map.of())
                        .start(Duration.ofSeconds(60));
                bootstrapServers = broker.bootstrapServers();
            } else {
                bootstrapServers = settings.bootstrapServers();
            }
            urls.put("Kafka", bootstrapServers + (settings.embeddedBroker() ? " (embedded KRaft broker)" : " (external)"));
            if (settings.embeddedRegistry()) {
                ConfigurableApplicationContext registry = run(RegistryApplication.class, RegistryApplication.DEFAULTS,
                        settings.registryPort(), Map.of());
                registryUrl = url(registry);
            } else {
                registryUrl = settings.schemaRegistryUrl();
            }
            urls.put("Schema registry", registryUrl + (settings.embeddedRegistry() ? "" : " (external)"));
            Map<String, Object> ingest = new HashMap<>(Map.of("corridor.ingest.schema-registry-url", registryUrl));
            int i = 0;
            for (DemoAgencies.Agency a : DemoAgencies.AGENCIES) {
                ingest.put("corridor.ingest.agencies[" + i + "].id", a.id());
                ingest.put("corridor.ingest.agencies[" + i + "].country", a.country());
                ingest.put("corridor.ingest.agencies[" + i + "].name", a.name());
                ingest.put("corridor.ingest.agencies[" + i + "].token-sha256", AgencyTokens.hash(tokens.get(a.id())));
                i++;
            }
            CompletableFuture<ConfigurableApplicationContext> rest = CompletableFuture.supplyAsync(() ->
                    run(IngestApplication.class, IngestApplication.DEFAULTS, settings.restPort(), ingest));
            CompletableFuture<ConfigurableApplicationContext> router = CompletableFuture.supplyAsync(() ->
                    run(RouterApplication.class, RouterApplication.DEFAULTS, settings.routerPort(),
                            Map.of("corridor.router.schema-registry-url", registryUrl, "corridor.router.instance-id", "platform")));
            CompletableFuture<ConfigurableApplicationContext> subscribers = CompletableFuture.supplyAsync(() ->
                    run(SubscriberApplication.class, SubscriberApplication.DEFAULTS, settings.subscriberPort(),
                            Map.of("corridor.subscriber.schema-registry-url", registryUrl,
                                    "corridor.subscriber.file-dir", settings.dataDir().resolve("feeds").toAbsolutePath().toString())));
            urls.put("Agency REST API", url(rest.join()) + "/api/v1/alerts   (OpenAPI: /v3/api-docs)");
            urls.put("Router", url(router.join()) + "/api/v1/routing/explain   (metrics: /actuator/prometheus)");
            String routerUrl = url(router.join());
            String subscriberUrl = url(subscribers.join());
            urls.put("Subscribers", subscriberUrl + "/api/v1/feeds/{body}/...   (metrics: /actuator/prometheus)");
            ConfigurableApplicationContext monitor = run(MonitorApplication.class, MonitorApplication.DEFAULTS, settings.monitorPort(),
                    Map.of("corridor.monitor.schema-registry-url", registryUrl, "corridor.monitor.scrape-urls",
                            routerUrl + "/actuator/prometheus," + subscriberUrl + "/actuator/prometheus"));
            urls.put("Monitor", url(monitor) + "/   (dashboard; ./corridor status; /api/v1/health)");
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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
