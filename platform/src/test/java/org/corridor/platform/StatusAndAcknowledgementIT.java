package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.corridor.platform.launch.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Originators see what happened to their alerts: routed, withheld, delivered, acknowledged, escalated, body by body,
 * and only for their own alerts. A retraction is delivered to every body that had the alert.
 */
class StatusAndAcknowledgementIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private HttpResponse<String> call(String method, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status(EmbeddedPlatform platform, String alertId, String token) throws Exception {
        HttpResponse<String> r = call("GET", platform.restUrl() + "/api/v1/alerts/" + alertId + "/status", token);
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    @Test
    void statusShowsRoutedDeliveredAcknowledgedAndEscalated() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of(Service.SUBSCRIBERS, Map.of("corridor.subscriber.ack-deadlines.URGENT", "20s",
                        "corridor.subscriber.deadline-check-interval", "200ms"))).start()) {
            Map<String, String> tokens = DemoAgencies.tokens(data);
            List<DemoScenario.Published> published = DemoScenario.publish(platform.restUrl(), tokens);
            String heroin = published.get(0).alertId();
            String tj = tokens.get("tj-drug-control");

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode s = status(platform, heroin, tj);
                return s != null && s.at("/bodies/CARICC/state").asString().equals("DELIVERED")
                        && s.at("/bodies/CARICC/version").asInt() == 2;
            });
            HttpResponse<String> ack = call("POST", platform.subscriberUrl() + "/api/v1/feeds/CARICC/alerts/" + heroin + "/ack?version=2", null);
            assertThat(ack.statusCode()).as("anonymous acknowledgement").isEqualTo(401);
            HttpResponse<String> otherBody = call("POST", platform.subscriberUrl() + "/api/v1/feeds/CARICC/alerts/" + heroin
                    + "/ack?version=2", HttpAuth.basic(platform, "body-EUROPOL"));
            assertThat(otherBody.statusCode()).as("another body's acknowledgement").isEqualTo(403);
            ack = call("POST", platform.subscriberUrl() + "/api/v1/feeds/CARICC/alerts/" + heroin + "/ack?version=2",
                    HttpAuth.basic(platform, "body-CARICC"));
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(platform, heroin, tj).at("/bodies/CARICC/state").asString()
                    .equals("ACKNOWLEDGED"));
            JsonNode s = status(platform, heroin, tj);
            assertThat(s.get("originAgency").asString()).isEqualTo("tj-drug-control");
            assertThat(s.get("latestVersion").asInt()).isEqualTo(2);
            assertThat(s.at("/bodies/CARICC/routedAt").asString()).isNotBlank();
            assertThat(s.at("/bodies/CARICC/deliveredAt").asString()).isNotBlank();
            assertThat(s.at("/bodies/CARICC/acknowledgedAt").asString()).isNotBlank();
            assertThat(s.at("/bodies/EUROPOL").isMissingNode()).as("not concerned bodies are left out").isTrue();

            // URGENT and not acknowledged by UNODC within the (test) deadline: escalated. The deadline leaves CARICC's
            // acknowledgement above a wide margin, even on a loaded machine.
            await().atMost(Duration.ofSeconds(60)).until(() -> !status(platform, heroin, tj).at("/bodies/UNODC/escalatedAt").isMissingNode());
            assertThat(status(platform, heroin, tj).at("/bodies/CARICC/escalatedAt").isMissingNode()).isTrue();
            String metrics = call("GET", platform.subscriberUrl() + "/actuator/prometheus", HttpAuth.basic(platform, "metrics")).body();
            assertThat(metrics).contains("corridor_subscriber_escalations_total{body=\"UNODC\",priority=\"URGENT\"}");

            // Withheld bodies and their reasons: the TLP:RED lab alert of nl-police.
            String lab = published.get(4).alertId();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(platform, lab, tokens.get("nl-police")) != null);
            assertThat(status(platform, lab, tokens.get("nl-police")).at("/bodies/INCB/reason").asString()).isEqualTo("TLP_RED_NOT_ADDRESSED");

            // Another agency learns nothing, not even that the alert exists.
            assertThat(call("GET", platform.restUrl() + "/api/v1/alerts/" + heroin + "/status", tokens.get("kz-customs")).statusCode())
                    .isEqualTo(404);
            assertThat(call("GET", platform.restUrl() + "/api/v1/alerts/" + heroin + "/status", null).statusCode()).isEqualTo(401);

            // The retraction (version 2 of the Bar cocaine alert) was delivered to every body that had version 1.
            String cocaine = published.get(2).alertId();
            String me = tokens.get("me-police");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode c = status(platform, cocaine, me);
                return c != null && List.of("UNODC", "INTERPOL", "SELEC").stream().allMatch(b ->
                        c.at("/bodies/" + b + "/version").asInt() == 2 && c.at("/bodies/" + b + "/state").asString().equals("DELIVERED"));
            });
        }
    }
}
