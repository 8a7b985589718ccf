package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.corridor.platform.launch.LaunchSettingException;
import org.corridor.platform.launch.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad override stops the start before anything runs: no broker, no data written. */
class EmbeddedPlatformTest {

    @TempDir
    Path data;

    @Test
    void aMisspeltOverrideStopsTheStartWithItsNameBeforeAnythingStarts() throws Exception {
        EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of(Service.MONITOR, Map.of("corridor.monitor.window", "10s"),
                        Service.ROUTER, Map.of("corridor.routr.retry-backoff", "1s")));

        assertThatThrownBy(platform::start).isInstanceOf(LaunchSettingException.class)
                .hasMessage("router: corridor.routr.retry-backoff is not a setting of any Corridor service or of Spring Boot");
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExternalClusterIsNeverUsedUnauthenticatedWithoutInsecure() throws Exception {
        EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, "kafka-1:9092", null, false));
        assertThatThrownBy(platform::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka at kafka-1:9092 (--bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS) would be used"
                        + " without authentication or ACLs").hasMessageContaining("--insecure");
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
        assertThat(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, "kafka-1:9092", null, true).refusal()).isNull();
        assertThat(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false).refusal()).isNull();
    }

    @Test
    void theWebAppIsNeverStartedWithoutItsLoginService() {
        PlatformSettings noLogin = new PlatformSettings(data, 9092, 8081, 8080, 8082, 8083, 8084, null, null, false,
                PlatformSettings.LOOPBACK, 8086, 8085, -1);
        assertThat(noLogin.refusal()).startsWith("--login-port -1 is not a port");
        assertThat(new PlatformSettings(data, 9092, 8081, 8080, 8082, 8083, 8084, null, null, false,
                PlatformSettings.LOOPBACK, 8086, -1, -1).refusal()).isNull();
        assertThat(new PlatformSettings(data, 9092, 8081, 8080, 8082, 8083, 8084, null, null, false).web()).isTrue();
        assertThat(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false).web()).isFalse();
        assertThat(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false).withWeb().web()).isTrue();
    }

    @Test
    void endpointsAreOnlyThoseOfStartedServices() {
        EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false));
        assertThat(platform.endpoints()).isEmpty();
        assertThatThrownBy(() -> platform.endpoint(Service.ROUTER)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the router was not started by this platform");
    }
}
