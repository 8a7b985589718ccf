package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.corridor.platform.launch.Service;
import org.junit.jupiter.api.Test;

/** The banner of ./corridor up, as it has always read. */
class BannerTest {

    private static final Map<Service, URI> ENDPOINTS = Map.of(
            Service.REGISTRY, URI.create("http://localhost:8081"), Service.INGEST, URI.create("http://localhost:8080"),
            Service.ROUTER, URI.create("http://localhost:8082"), Service.SUBSCRIBERS, URI.create("http://localhost:8083"),
            Service.MONITOR, URI.create("http://localhost:8084"), Service.CORRELATOR, URI.create("http://localhost:8086"));

    private static PlatformSettings settings(String bootstrap, String registry, boolean insecure) {
        return new PlatformSettings(Path.of("data"), 9092, 8081, 8080, 8082, 8083, 8084, bootstrap, registry, insecure);
    }

    @Test
    void aSecuredEmbeddedPlatform() {
        assertThat(Banner.services(settings(null, null, false), true, "localhost:9092", "http://localhost:8081", ENDPOINTS))
                .containsExactly(
                        "  Kafka             localhost:9092 (embedded KRaft broker; SASL/SCRAM-SHA-512, ACLs)",
                        "  Schema registry   http://localhost:8081   (writes need credentials)",
                        "  Agency REST API   http://localhost:8080/api/v1/alerts   (OpenAPI: /v3/api-docs)",
                        "  Router            http://localhost:8082/api/v1/routing/explain   (metrics: /actuator/prometheus)",
                        "  Subscribers       http://localhost:8083/api/v1/feeds/{body}/...   (metrics: /actuator/prometheus)",
                        "  Correlator        http://localhost:8086/api/v1/correlation/explain   (links: alerts.correlations)",
                        "  Monitor           http://localhost:8084/   (dashboard; ./corridor status; /api/v1/health)");
    }

    @Test
    void anInsecureOrExternalPlatformSaysSo() {
        assertThat(Banner.services(settings(null, null, true), false, "localhost:9092", "http://localhost:8081", ENDPOINTS))
                .startsWith("  Kafka             localhost:9092 (embedded KRaft broker; PLAINTEXT, no ACLs: --insecure)",
                        "  Schema registry   http://localhost:8081");
        assertThat(Banner.services(settings("kafka:9092", "http://registry:8081", false), false, "kafka:9092",
                "http://registry:8081", ENDPOINTS))
                .startsWith("  Kafka             kafka:9092 (external)", "  Schema registry   http://registry:8081 (external)");
    }
}
