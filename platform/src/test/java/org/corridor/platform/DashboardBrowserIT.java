package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.corridor.platform.launch.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's dashboard in a real headless Chromium against a running platform that has routed and delivered the
 * demo scenario: topics, groups and each body's delivery state must be on the page the browser rendered (the page
 * builds itself with JavaScript from the JSON API, so this checks the script too). The screenshot is kept as
 * {@code platform/target/dashboard.png}.
 * <p>
 * Chromium comes from Debian's {@code chromium} package, which {@code .ci/run} installs. Without it this test fails
 * with a message saying so; it never passes silently. Set {@code -Dcorridor.test.browser=off} to leave it out
 * knowingly (the run then prints a warning).
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("corridor.test.chromium", "/usr/bin/chromium"));

    @TempDir
    Path data;

    @Test
    void theDashboardShowsTopicsGroupsAndEachBodysDeliveryState() throws Exception {
        if ("off".equals(System.getProperty("corridor.test.browser"))) {
            System.err.println("WARNING: DashboardBrowserIT was switched off with -Dcorridor.test.browser=off; "
                    + "the dashboard was NOT checked in a browser.");
            return;
        }
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is needed for the dashboard browser test and is not at " + CHROMIUM
                        + ". Install Debian's package: apt-get install -y chromium (.ci/run does this).")
                .isTrue();
        Map<String, Object> fastMonitor = Map.of("corridor.monitor.sample-interval", "1s", "corridor.monitor.window", "10s");
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of(Service.MONITOR, fastMonitor)).start()) {
            DemoScenario.publish(platform.restUrl(), DemoAgencies.tokens(data));
            ObjectMapper json = JsonMapper.builder().build();
            HttpClient http = HttpClient.newHttpClient();
            String operator = HttpAuth.basic(platform, "operator");
            // Wait until the monitor has seen deliveries, so the page has something real to show.
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.monitorUrl() + "/api/v1/health/bodies")).header("Authorization", operator).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return false;
                }
                for (JsonNode b : json.readTree(r.body())) {
                    if (b.get("body").asString().equals("EUROPOL") && b.get("delivered").asLong() > 0) {
                        return true;
                    }
                }
                return false;
            });
            // Feeds are transactional; subscribers commit past the commit markers, so every group gets to lag 0 and OK.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.monitorUrl() + "/api/v1/health/groups")).header("Authorization", operator).build(),
                        HttpResponse.BodyHandlers.ofString());
                int subscribers = 0;
                for (JsonNode g : json.readTree(r.body())) {
                    if (g.get("group").asString().startsWith("corridor-subscriber-")) {
                        subscribers++;
                        if (g.get("lag").asLong() != 0 || !g.get("status").asString().equals("OK")) {
                            return false;
                        }
                    }
                }
                return subscribers == 13;
            });
            // The operator's credentials in the URL: the browser answers the monitor's basic challenge with them and
            // keeps them for the page's own requests to the JSON API.
            String url = platform.monitorUrl().replaceFirst("://", "://" + platform.httpCredentials().userInfo("operator") + "@") + "/";
            String dom = chromium(List.of("--dump-dom", url));
            assertThat(dom).as("the script rendered the report").contains("data-loaded=\"true\"");
            assertThat(dom).contains("data-topic=\"alerts.feed.europol\"", "data-topic=\"alerts.dlq\"");
            assertThat(dom).contains("data-group=\"corridor-router\"", "data-group=\"corridor-subscriber-europol\"");
            for (String body : List.of("UNODC", "EUROPOL", "CARICC", "OSCE")) {
                assertThat(dom).contains("data-body=\"" + body + "\"");
            }
            assertThat(row(dom, "data-body=\"EUROPOL\"")).as("EUROPOL's delivery state").contains("badge OK");
            assertThat(dom).as("the return channel, counted by the agency service").contains("data-party=\"body-caricc\"")
                    .contains("questions and feedback counted by the agency service at");
            Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            chromium(List.of("--screenshot=" + screenshot, "--window-size=1400,2200", url));
            assertThat(screenshot).exists();
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    /** The table row that holds the marker. */
    private static String row(String dom, String marker) {
        int at = dom.indexOf(marker);
        assertThat(at).as(marker + " on the page").isPositive();
        int end = dom.indexOf("</tr>", at);
        return dom.substring(at, end);
    }

    /** Runs headless Chromium with the flags this machine needs and returns what it printed on standard output. */
    private String chromium(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(data, "chromium"),
                "--virtual-time-budget=8000"));
        command.addAll(args);
        Path stdout = Files.createTempFile(data, "chromium", ".out");
        Path stderr = Files.createTempFile(data, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("Chromium's exit code; it said: " + Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
