package org.corridor.platform;

import java.nio.file.Path;

import org.corridor.platform.launch.Service;

/**
 * Where the platform runs.
 *
 * @param dataDir           broker data, credentials and feed files
 * @param kafkaPort         the embedded broker's client port (0: any free port)
 * @param registryPort      the schema registry's HTTP port
 * @param restPort          the agency REST service's port
 * @param routerPort        the router's HTTP port (explain, metrics)
 * @param subscriberPort    the subscribers' HTTP port (metrics)
 * @param monitorPort       the monitor's port (dashboard, health API)
 * @param bootstrapServers  an external Kafka cluster instead of the embedded broker, or null
 * @param schemaRegistryUrl an external schema registry (Confluent's or Corridor's) instead of the embedded one, or null
 * @param insecure          run the embedded broker in plaintext without ACLs (developers only); by default it
 *                          requires SASL/SCRAM and authorizes every principal with ACLs; HTTP needs credentials
 *                          either way. An external cluster is reached without authentication, so it needs
 *                          {@code insecure} said out loud
 * @param bindAddress       the address the embedded services listen on ({@code server.address}); loopback by default
 * @param correlatorPort    the correlator's HTTP port (explain, metrics)
 * @param webPort           the web app's port ({@value #WEB_PORT}); 0: any free port; {@value #OFF}: no web app and
 *                          no login service
 * @param loginPort         the login service's port (the OIDC provider, {@value #LOGIN_PORT}); 0: any free port
 */
public record PlatformSettings(Path dataDir, int kafkaPort, int registryPort, int restPort, int routerPort,
                               int subscriberPort, int monitorPort, String bootstrapServers, String schemaRegistryUrl,
                               boolean insecure, String bindAddress, int correlatorPort, int webPort, int loginPort) {

    /** The correlator's default port. */
    public static final int CORRELATOR_PORT = 8086;
    /** The web app's default port. */
    public static final int WEB_PORT = 8085;
    /** The login service's default port. */
    public static final int LOGIN_PORT = 9000;
    /** A web port that starts neither the web app nor the login service. */
    public static final int OFF = -1;

    /** Services listen on loopback only, unless told {@code --bind}. */
    public static final String LOOPBACK = "127.0.0.1";

    public PlatformSettings {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress;
    }

    /**
     * The web app and the login service on their default ports ({@value #WEB_PORT}, {@value #LOGIN_PORT}), or neither
     * when the agency service's port is 0 (tests; {@link #withWeb()} adds them on free ports).
     */
    public PlatformSettings(Path dataDir, int kafkaPort, int registryPort, int restPort, int routerPort,
                            int subscriberPort, int monitorPort, String bootstrapServers, String schemaRegistryUrl,
                            boolean insecure, String bindAddress, int correlatorPort) {
        this(dataDir, kafkaPort, registryPort, restPort, routerPort, subscriberPort, monitorPort, bootstrapServers,
                schemaRegistryUrl, insecure, bindAddress, correlatorPort, restPort == 0 ? OFF : WEB_PORT,
                restPort == 0 ? OFF : LOGIN_PORT);
    }

    /** The same settings with the web app and the login service on free ports (tests of the web app). */
    public PlatformSettings withWeb() {
        return new PlatformSettings(dataDir, kafkaPort, registryPort, restPort, routerPort, subscriberPort, monitorPort,
                bootstrapServers, schemaRegistryUrl, insecure, bindAddress, correlatorPort, 0, 0);
    }

    /** Whether the web app and the login service are started. */
    public boolean web() {
        return webPort != OFF;
    }

    /** The correlator on {@value #CORRELATOR_PORT}, or on any free port when the agency service's port is (0); the
     * web app and login service on their default ports, or not at all when the agency service's port is 0. */
    public PlatformSettings(Path dataDir, int kafkaPort, int registryPort, int restPort, int routerPort,
                            int subscriberPort, int monitorPort, String bootstrapServers, String schemaRegistryUrl,
                            boolean insecure, String bindAddress) {
        this(dataDir, kafkaPort, registryPort, restPort, routerPort, subscriberPort, monitorPort, bootstrapServers,
                schemaRegistryUrl, insecure, bindAddress, restPort == 0 ? 0 : CORRELATOR_PORT);
    }

    /** On loopback. */
    public PlatformSettings(Path dataDir, int kafkaPort, int registryPort, int restPort, int routerPort,
                            int subscriberPort, int monitorPort, String bootstrapServers, String schemaRegistryUrl,
                            boolean insecure) {
        this(dataDir, kafkaPort, registryPort, restPort, routerPort, subscriberPort, monitorPort, bootstrapServers,
                schemaRegistryUrl, insecure, LOOPBACK);
    }

    /** The host name clients use to reach the services: localhost unless bound to one other address. */
    public String clientHost() {
        return bindAddress.equals(LOOPBACK) || bindAddress.equals("0.0.0.0") || bindAddress.equals("::")
                ? "localhost" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    public boolean embeddedBroker() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    /**
     * Why these settings must not start, or null. An external cluster (from {@code --bootstrap-servers} or
     * {@code KAFKA_BOOTSTRAP_SERVERS}, which a shell may have set for something else) is reached without
     * authentication: that must never happen silently in place of the secured embedded broker.
     */
    public String refusal() {
        if (web() && loginPort < 0) {
            return "--login-port " + loginPort + " is not a port: the web app needs the login service (0 picks a free port);"
                    + " --web-port -1 turns both off";
        }
        if (!embeddedBroker() && !insecure) {
            return "Kafka at " + bootstrapServers.trim() + " (--bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS) would be used"
                    + " without authentication or ACLs: only the embedded broker is secured by ./corridor up. Pass --insecure"
                    + " to accept a plaintext external cluster, or unset KAFKA_BOOTSTRAP_SERVERS to run the secured embedded broker";
        }
        return null;
    }

    /** Whether the embedded broker is secured: it is, unless told --insecure. */
    public boolean secured() {
        return embeddedBroker() && !insecure;
    }

    public boolean embeddedRegistry() {
        return schemaRegistryUrl == null || schemaRegistryUrl.isBlank();
    }

    /** The HTTP port a service is to listen on. */
    public int port(Service service) {
        return switch (service) {
            case REGISTRY -> registryPort;
            case INGEST -> restPort;
            case ROUTER -> routerPort;
            case SUBSCRIBERS -> subscriberPort;
            case MONITOR -> monitorPort;
            case CORRELATOR -> correlatorPort;
            case LOGIN -> loginPort;
            case WEB -> webPort;
        };
    }
}
