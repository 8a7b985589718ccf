package org.corridor.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.HttpCredentials;
import org.corridor.platform.access.SecureSetup;
import org.corridor.platform.access.WebLogins;
import org.corridor.platform.launch.LaunchSettingException;
import org.corridor.platform.launch.OverrideBinder;
import org.corridor.platform.launch.Service;
import org.corridor.platform.launch.ServiceLaunch;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole exchange in this JVM: the broker (or an external cluster), the registry (or an external one), then
 * the agency REST service, the router and the subscribers, each in a Spring context of its own on its own port. Closing
 * stops them in reverse order; the data directory is kept, so a restart resumes where it stopped. Not thread-safe:
 * one thread starts and closes it.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private final PlatformSettings settings;
    private final Map<Service, Map<String, ?>> overrides = new EnumMap<>(Service.class);
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    /** Where each service this platform started answers; guarded by {@link #contexts}. */
    private final Map<Service, URI> endpoints = new EnumMap<>(Service.class);
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private String registryUrl;
    private SecureSetup security;
    private HttpCredentials http;

    public EmbeddedPlatform(PlatformSettings settings) {
        this(settings, Map.of());
    }

    /**
     * @param overrides Spring properties for a service, on top of what the platform sets; each key must be a setting of
     *                  that service or of Spring Boot, and each value must bind to its type, or {@link #start()} fails
     */
    public EmbeddedPlatform(PlatformSettings settings, Map<Service, ? extends Map<String, ?>> overrides) {
        this.settings = settings;
        this.overrides.putAll(overrides);
    }

    /**
     * Starts everything and returns once every service answers.
     *
     * @throws LaunchSettingException before anything starts, naming an override that a service does not know or whose
     *                                value does not bind
     * @throws IllegalStateException  when a port is taken, or an external cluster would be used unauthenticated
     *                                without {@code insecure}
     */
    public EmbeddedPlatform start() throws IOException {
        if (settings.refusal() != null) {
            throw new IllegalStateException(settings.refusal());
        }
        Map<Service, Map<String, Object>> checked = checkedOverrides();
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
        PortCheck.requireFree(settings.correlatorPort(), "correlator", "--correlator-port");
        if (settings.web()) {
            PortCheck.requireFree(settings.webPort(), "web app", "--web-port");
            PortCheck.requireFree(settings.loginPort(), "login service", "--login-port");
        }
        // Broker data, credentials and feed files: the data directory is its owner's alone.
        org.corridor.support.security.OwnerOnly.directory(settings.dataDir());
        Map<String, String> tokens = DemoAgencies.tokens(settings.dataDir());
        List<String> agencyIds = DemoAgencies.AGENCIES.stream().map(DemoAgencies.Agency::id).toList();
        List<String> bodyIds = List.copyOf(ReferenceData.defaults().bodyIds());
        try {
            CredentialStore store = CredentialStore.open(settings.dataDir());
            // HTTP needs credentials with or without --insecure, which is about Kafka only.
            http = new HttpCredentials(store);
            SecureSetup access = new SecureSetup(store);
            if (settings.secured()) {
                security = access;
                broker = EmbeddedKafkaBroker.secured(settings.dataDir().resolve("kafka"), settings.kafkaPort(), Map.of(),
                        security.brokerSecurity()).start(Duration.ofSeconds(60));
                try (Admin superUser = Admin.create(broker.superUserClient())) {
                    security.provision(superUser, ServiceSettings.REGISTRY_WRITER_ID, agencyIds, bodyIds);
                }
            } else if (settings.embeddedBroker()) {
                broker = EmbeddedKafkaBroker.singleNode(settings.dataDir().resolve("kafka"), settings.kafkaPort(), Map.of())
                        .start(Duration.ofSeconds(60));
            }
            bootstrapServers = settings.embeddedBroker() ? broker.bootstrapServers() : settings.bootstrapServers();
            ServiceSettings services = new ServiceSettings(security, access, http.users(bodyIds), settings.dataDir());
            registryUrl = settings.embeddedRegistry()
                    ? run(Service.REGISTRY, services.registry(), checked).toString() : settings.schemaRegistryUrl();
            // Our registry always has a writer; an external one gets credentials only on a secured platform, as before.
            boolean writer = settings.embeddedRegistry() || security != null;
            String writerUrl = writer ? access.registryWriterUrl(registryUrl) : registryUrl;
            SecureSetup.writeClientConfig(settings.dataDir(), bootstrapServers, security == null ? Map.of()
                    : ScramClient.settings(Principals.ADMIN, security.password(Principals.ADMIN)), registryUrl,
                    writer ? access.registryUserInfo() : null);
            Map<String, Object> ingest = services.ingest(writerUrl, tokens);
            Map<String, Object> router = services.router(writerUrl, tokens);
            Map<String, Object> subscribers = services.subscribers(writerUrl, bodyIds);
            CompletableFuture<URI> rest = CompletableFuture.supplyAsync(() -> run(Service.INGEST, ingest, checked));
            CompletableFuture<URI> routing = CompletableFuture.supplyAsync(() -> run(Service.ROUTER, router, checked));
            CompletableFuture<URI> delivery = CompletableFuture.supplyAsync(() -> run(Service.SUBSCRIBERS, subscribers, checked));
            Map<String, Object> correlator = services.correlator(writerUrl, tokens);
            CompletableFuture<URI> correlating = CompletableFuture.supplyAsync(() -> run(Service.CORRELATOR, correlator, checked));
            CompletableFuture.allOf(rest, routing, delivery, correlating).join();
            run(Service.MONITOR, services.monitor(registryUrl, List.of(routing.join(), delivery.join(), rest.join(),
                    correlating.join()), http.userInfo(org.corridor.support.http.HttpParty.METRICS_USER)), checked);
            if (settings.web()) {
                startWeb(new WebLogins(CredentialStore.openPeople(settings.dataDir()), store), tokens, agencyIds, bodyIds, checked);
            }
            return this;
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /**
     * The login service, then the web app (which reads the login's discovery document as it starts). Both ports are
     * known before either starts: the login service must name the web app's redirect address, the web app its issuer.
     */
    private void startWeb(WebLogins logins, Map<String, String> tokens, List<String> agencyIds, List<String> bodyIds,
                          Map<Service, Map<String, Object>> checked) throws IOException {
        int[] free = EmbeddedKafkaBroker.freePorts(2);
        int loginPort = settings.loginPort() == 0 ? free[0] : settings.loginPort();
        int webPort = settings.webPort() == 0 ? free[1] : settings.webPort();
        URI issuer = URI.create("http://" + settings.clientHost() + ":" + loginPort);
        URI webApp = URI.create("http://" + settings.clientHost() + ":" + webPort);
        run(Service.LOGIN, logins.login(issuer, webApp, WebLogins.demoPeople(agencyIds, bodyIds)), checked, loginPort);
        Map<String, URI> services = Map.of("ingest-url", endpoint(Service.INGEST), "router-url", endpoint(Service.ROUTER),
                "subscribers-url", endpoint(Service.SUBSCRIBERS), "monitor-url", endpoint(Service.MONITOR));
        List<WebLogins.Agency> agencies = DemoAgencies.AGENCIES.stream()
                .map(a -> new WebLogins.Agency(a.id(), a.country(), a.name())).toList();
        run(Service.WEB, logins.web(issuer, services, agencies, tokens, bodyIds, http), checked, webPort);
    }

    /** The overrides, each checked against its service's settings; the configuration metadata is read only if needed. */
    private Map<Service, Map<String, Object>> checkedOverrides() {
        Map<Service, Map<String, Object>> checked = new EnumMap<>(Service.class);
        if (overrides.values().stream().allMatch(Map::isEmpty)) {
            return checked;
        }
        OverrideBinder binder = OverrideBinder.fromClassPath();
        overrides.forEach((service, props) -> checked.put(service, binder.bind(service, props)));
        return checked;
    }

    /** Starts one service and returns where it answers. */
    private URI run(Service service, Map<String, Object> corridor, Map<Service, Map<String, Object>> checked) {
        return run(service, corridor, checked, settings.port(service));
    }

    private URI run(Service service, Map<String, Object> corridor, Map<Service, Map<String, Object>> checked, int port) {
        Map<String, Object> bound = new java.util.HashMap<>(corridor);
        bound.put("server.address", settings.bindAddress());
        ServiceLaunch launch = new ServiceLaunch(service, port, bootstrapServers, bound,
                checked.getOrDefault(service, Map.of()));
        ConfigurableApplicationContext context = launch.run();
        URI endpoint = URI.create("http://" + settings.clientHost() + ":" + context.getEnvironment().getProperty("local.server.port"));
        synchronized (contexts) {
            contexts.add(context);
            endpoints.put(service, endpoint);
        }
        return endpoint;
    }

    /** Whether the embedded broker requires authentication and enforces ACLs. */
    public boolean secured() {
        return security != null;
    }

    /** The HTTP basic credentials of the operator, the metrics scraper and the bodies (in the data directory). */
    public HttpCredentials httpCredentials() {
        return http;
    }

    /** The application contexts of the services this platform started, in start order (for tests that walk them). */
    public List<ConfigurableApplicationContext> contexts() {
        synchronized (contexts) {
            return List.copyOf(contexts);
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Kafka client settings of the admin principal (just the bootstrap servers on a plaintext broker). */
    public Map<String, Object> adminClient() throws IOException {
        return SecureSetup.readClientConfig(settings.dataDir(), bootstrapServers);
    }

    /** The registry as clients are configured with it ({@code schema.registry.url}): the embedded one, or the external setting. */
    public String registryUrl() {
        return registryUrl;
    }

    /** Base URI of each service this platform started, in start order (no registry when it is external). */
    public Map<Service, URI> endpoints() {
        synchronized (contexts) {
            return Collections.unmodifiableMap(new EnumMap<>(endpoints));
        }
    }

    /**
     * Base URI of a service this platform started, such as {@code http://localhost:8082}.
     *
     * @throws IllegalStateException when this platform did not start it
     */
    public URI endpoint(Service service) {
        URI uri = endpoints().get(service);
        if (uri == null) {
            throw new IllegalStateException("the " + service.label() + " was not started by this platform");
        }
        return uri;
    }

    /** The subscribers' base URL as text. */
    public String subscriberUrl() {
        return endpoint(Service.SUBSCRIBERS).toString();
    }

    /** The agency REST service's base URL as text. */
    public String restUrl() {
        return endpoint(Service.INGEST).toString();
    }

    /** The web app's base URL as text. */
    public String webUrl() {
        return endpoint(Service.WEB).toString();
    }

    /** The monitor's base URL as text. */
    public String monitorUrl() {
        return endpoint(Service.MONITOR).toString();
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
        Collections.reverse(reverse);
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
