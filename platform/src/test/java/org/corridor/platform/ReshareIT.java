package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.platform.access.SecureSetup;
import org.corridor.schemas.avro.RoutingDecision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-share on request, on the secured platform: CARICC asks tj-drug-control to release the heroin alert to EUROPOL and
 * INCB; the agency approves EUROPOL only, and the next version reaches exactly the earlier recipients and EUROPOL,
 * relaxed in the audit by the agency. A second request, for OSCE, is declined: no version, nobody new.
 */
class ReshareIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private HttpResponse<String> call(String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Authorization", auth.startsWith("Basic ") ? auth : "Bearer " + auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> thread(String url, String auth) throws Exception {
        HttpResponse<String> r = call("GET", url, auth, null);
        List<String> ids = new ArrayList<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).get("responses").forEach(n -> ids.add(n.get("responseId").asString()));
        }
        return ids;
    }

    private JsonNode status(EmbeddedPlatform platform, String alertId, String token) throws Exception {
        HttpResponse<String> s = call("GET", platform.restUrl() + "/api/v1/alerts/" + alertId + "/status", token, null);
        return s.statusCode() == 200 ? JSON.readTree(s.body()) : null;
    }

    private static Set<String> holding(JsonNode status, int version) {
        Set<String> bodies = new TreeSet<>();
        status.get("bodies").properties().forEach(e -> {
            if (e.getValue().get("version").asInt() == version && !e.getValue().get("state").asString().equals("WITHHELD")) {
                bodies.add(e.getKey());
            }
        });
        return bodies;
    }

    @Test
    void anApprovedReshareReachesExactlyTheApprovedBodiesAndADeclinedOneNobodyNew() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of()).start()) {
            Map<String, String> tokens = DemoAgencies.tokens(data);
            List<DemoScenario.Published> published = DemoScenario.publish(platform.restUrl(), tokens);
            String heroin = published.get(0).alertId();
            String tj = tokens.get("tj-drug-control");
            String caricc = HttpAuth.basic(platform, "body-CARICC");
            String cariccUrl = platform.subscriberUrl() + "/api/v1/feeds/CARICC/alerts/" + heroin + "/responses";
            String agencyUrl = platform.restUrl() + "/api/v1/alerts/" + heroin + "/responses";
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                JsonNode s = status(platform, heroin, tj);
                return s != null && s.at("/bodies/CARICC/version").asInt() == 2 && s.at("/bodies/CARICC/state").asString().equals("DELIVERED");
            });
            Set<String> before = holding(status(platform, heroin, tj), 2);
            assertThat(before).doesNotContain("EUROPOL", "INCB", "OSCE").contains("CARICC");

            HttpResponse<String> asked = call("POST", cariccUrl, caricc, """
                {"kind":"RESHARE_REQUEST","reshareBodies":["EUROPOL","INCB"],"language":"en","priority":"PRIORITY",
                 "text":"The sender also ships through Rotterdam; Europol and the INCB should see this.",
                 "handling":{"tlp":"AMBER","handlingCode":"H1"}}""");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            String request = JSON.readTree(asked.body()).get("responseId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> thread(agencyUrl, tj).contains(request));

            HttpResponse<String> tooMuch = call("POST", agencyUrl, tj, approval(request, "[\"EUROPOL\",\"OSCE\"]", true));
            assertThat(tooMuch.statusCode()).as("OSCE was not asked for: " + tooMuch.body()).isEqualTo(400);
            HttpResponse<String> approved = call("POST", agencyUrl, tj, approval(request, "[\"EUROPOL\"]", true));
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
            assertThat(JSON.readTree(approved.body()).at("/released/version").asInt()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(60)).until(() -> holding(status(platform, heroin, tj), 3).size() == before.size() + 1);
            Set<String> after = new TreeSet<>(before);
            after.add("EUROPOL");
            assertThat(holding(status(platform, heroin, tj), 3)).as("exactly the earlier recipients and EUROPOL").isEqualTo(after);
            Map<String, RoutingDecision> decisions = AuditReader.await(SecureSetup.readClientConfig(data, platform.bootstrapServers()),
                    platform.registryUrl(), Set.of(heroin + ":3"), Duration.ofSeconds(30));
            RoutingDecision v3 = decisions.get(heroin + ":3");
            assertThat(v3.getRelaxation()).as("the audit says who widened the release").isNotNull();
            assertThat(v3.getRelaxation().getBy()).isEqualTo("tj-drug-control");
            assertThat(new TreeSet<>(v3.getRecipients().stream().map(Object::toString).toList())).isEqualTo(after);

            // A second request, declined: nothing is released, nobody new.
            HttpResponse<String> again = call("POST", cariccUrl, caricc, """
                {"kind":"RESHARE_REQUEST","reshareBodies":["OSCE"],"language":"en","priority":"ROUTINE",
                 "text":"The OSCE border programme could use it.","handling":{"tlp":"AMBER","handlingCode":"H1"}}""");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            String second = JSON.readTree(again.body()).get("responseId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> thread(agencyUrl, tj).contains(second));
            HttpResponse<String> declined = call("POST", agencyUrl, tj, approval(second, "[]", false));
            assertThat(declined.statusCode()).as(declined.body()).isEqualTo(202);
            assertThat(JSON.readTree(declined.body()).has("released")).isFalse();
            String decisionId = JSON.readTree(declined.body()).get("responseId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> thread(cariccUrl, caricc).contains(decisionId));
            JsonNode last = status(platform, heroin, tj);
            assertThat(last.get("latestVersion").asInt()).isEqualTo(3);
            assertThat(last.at("/bodies/OSCE").isMissingNode() || last.at("/bodies/OSCE/state").asString().equals("WITHHELD")).isTrue();
        }
    }

    private static String approval(String request, String bodies, boolean approved) {
        return """
            {"kind":"RESHARE_DECISION","inReplyTo":"%s","reshareApproved":%s,"reshareBodies":%s,"language":"en",
             "priority":"PRIORITY","text":"%s","handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"]}}"""
                .formatted(request, approved, bodies, approved ? "Approved for Europol." : "Declined: not for the OSCE.");
    }
}
