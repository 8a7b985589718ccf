package org.corridor.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridor.platform.launch.Service;

/**
 * The lines of {@code ./corridor up}'s banner that say where each part of the exchange answers. Display text only:
 * nothing reads these lines back; callers that need an address use {@link EmbeddedPlatform#endpoint(Service)}.
 */
final class Banner {

    private Banner() {
    }

    /** The banner lines of a started platform. */
    static List<String> services(EmbeddedPlatform platform) {
        return services(platform.settings(), platform.secured(), platform.bootstrapServers(), platform.registryUrl(),
                platform.endpoints());
    }

    /**
     * @param secured   whether the embedded broker authenticates and enforces ACLs
     * @param endpoints base URI of each service the platform started
     */
    static List<String> services(PlatformSettings settings, boolean secured, String bootstrapServers, String registryUrl,
                                 Map<Service, URI> endpoints) {
        List<String> lines = new ArrayList<>();
        lines.add(line("Kafka", bootstrapServers + (!settings.embeddedBroker() ? " (external)"
                : secured ? " (embedded KRaft broker; SASL/SCRAM-SHA-512, ACLs)" : " (embedded KRaft broker; PLAINTEXT, no ACLs: --insecure)")));
        lines.add(line("Schema registry", registryUrl
                + (settings.embeddedRegistry() ? (secured ? "   (writes need credentials)" : "") : " (external)")));
        lines.add(line("Agency REST API", endpoints.get(Service.INGEST) + "/api/v1/alerts   (OpenAPI: /v3/api-docs)"));
        lines.add(line("Router", endpoints.get(Service.ROUTER) + "/api/v1/routing/explain   (metrics: /actuator/prometheus)"));
        lines.add(line("Subscribers", endpoints.get(Service.SUBSCRIBERS) + "/api/v1/feeds/{body}/...   (metrics: /actuator/prometheus)"));
        lines.add(line("Correlator", endpoints.get(Service.CORRELATOR) + "/api/v1/correlation/explain   (links: alerts.correlations)"));
        lines.add(line("Monitor", endpoints.get(Service.MONITOR) + "/   (dashboard; ./corridor status; /api/v1/health)"));
        if (endpoints.containsKey(Service.WEB)) {
            lines.add(line("Web app", endpoints.get(Service.WEB) + "/   (log in as officer-<agency>, analyst-<body> or operator)"));
            lines.add(line("Login service", endpoints.get(Service.LOGIN) + "/.well-known/openid-configuration"));
        }
        return lines;
    }

    /** One line as the rest of the banner prints it: label, then value. */
    static String line(String label, String value) {
        return String.format("  %-17s %s", label, value);
    }
}
