package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.corridor.platform.launch.Service;
import org.corridor.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The return channel on one secured platform (one start for all three, each on its own copy of the demo scenario):
 * <ul>
 *   <li>{@code ./corridor demo}: the scenario's table, then its thread, CARICC's question, the agency's answer to
 *       CARICC and UNODC's shared seizure, with who got each response;</li>
 *   <li>over REST, each party reads the thread as it may see it, as its own principal; a body that never received the
 *       alert, a body posing as another, another agency and invalid responses are refused with the field and the rule
 *       named; an Idempotency-Key answers a repeat without writing it twice; a question past due is shown overdue and
 *       counted once;</li>
 *   <li>re-share on request: an approval reaches exactly the earlier recipients and the approved body, relaxed in the
 *       audit by the originator, and is decided once; a declined request reaches nobody new.</li>
 * </ul>
 */
class ReturnChannelPlatformIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static EmbeddedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of(Service.INGEST, Map.of("corridor.ingest.question-check-interval", "200ms",
                        "corridor.ingest.feedback-interval", "500ms"))).start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theCorrelatorExplainsALinkToAnAgencyOrABodyAndNamesEachInvalidField() throws Exception {
        String url = platform.endpoint(org.corridor.platform.launch.Service.CORRELATOR) + "/api/v1/correlation/explain";
        String a = java.nio.file.Files.readString(Path.of("..", "docs", "examples", "heroin-tj-drug-control.json"));
        String b = java.nio.file.Files.readString(Path.of("..", "docs", "examples", "heroin-kz-customs.json"));
        String pair = "{\"a\":" + a + ",\"b\":" + b + "}";
        String token = DemoAgencies.tokens(data).get("tj-drug-control");
        HttpResponse<String> linked = call("POST", url, token, pair);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(linked.body()).startsWith("{\"linked\":true,\"kind\":\"EVENT\",\"score\":0.951,"
                + "\"keys\":[\"substance:OPIATE:heroin\",\"quantity:2%\",\"countries:AF,KZ,RU,TJ\",\"days:1\"]");
        assertThat(call("POST", url, HttpAuth.basic(platform, "body-CARICC"), pair).statusCode()).isEqualTo(200);
        assertThat(call("POST", url, null, pair).statusCode()).isEqualTo(401);
        assertThat(call("POST", url, HttpAuth.basic(platform, "metrics"), pair).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = call("POST", url, token, "{\"a\":" + a + ",\"b\":"
                + b.replace("\"OPIATE\"", "\"OPIUM\"") + "}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"b.substances[0].category\"");
        HttpResponse<String> notPair = call("POST", url, token, "[1,2]");
        assertThat(notPair.statusCode()).isEqualTo(400);
        assertThat(notPair.body()).contains("\"field\":\"a\"");
    }

    private HttpResponse<String> call(String method, String url, String auth, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (auth != null) {
            b.header("Authorization", auth.startsWith("Basic ") ? auth : "Bearer " + auth);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String url, String auth, String body) throws Exception {
        return call(method, url, auth, body, null);
    }

    private static List<String> ids(HttpResponse<String> thread) {
        List<String> ids = new ArrayList<>();
        if (thread.statusCode() == 200) {
            JSON.readTree(thread.body()).get("responses").forEach(r -> ids.add(r.get("responseId").asString()));
        }
        return ids;
    }

    private List<String> thread(String url, String auth) throws Exception {
        return ids(call("GET", url, auth, null));
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        JSON.readTree(problem.body()).path("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private JsonNode status(String alertId, String token) throws Exception {
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

    private static String approval(String request, String bodies, boolean approved) {
        return """
            {"kind":"RESHARE_DECISION","inReplyTo":"%s","reshareApproved":%s,"reshareBodies":%s,"language":"en",
             "priority":"PRIORITY","text":"%s","handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"]}}"""
                .formatted(request, approved, bodies, approved ? "Approved for Europol." : "Declined: not for the OSCE.");
    }

    @Test
    void theDemoTellsItsStoryOfAlertsAndResponses() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine demo = new CommandLine(new DemoCommand());
        demo.setOut(new PrintWriter(text));
        int exit = demo.execute("--data-dir", data.toString(), "--rest-url", platform.restUrl(),
                "--subscriber-url", platform.subscriberUrl(), "--bootstrap-servers", platform.bootstrapServers(),
                "--schema-registry-url", platform.registryUrl());
        String out = text.toString();
        System.out.println(out);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("Return channel on alert 1, heroin via Tajikistan v2:");
        // AGNCY, then the bodies in the table's order: CARICC CICA CIS CSTO EUDA EUROPOL INCB INTERPOL OSCE PARIS_PACT SCO SELEC UNODC.
        assertThat(out).containsPattern("QUESTION +Was the cotton loaded in Kunduz\\? +CARICC +yes +yes +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\.\\s");
        assertThat(out).containsPattern("ANSWER +Yes, a Kunduz mill \\(the waybill\\) +tj-drug-control +yes +yes +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\.\\s");
        assertThat(out).containsPattern("OUTCOME +SEIZED 37 kg heroin, shared +UNODC +yes +yes +yes +yes +yes +\\. +\\. +\\. +yes +\\. +yes +yes +\\. +yes\\s");
        // Kazakh customs' report of the same heroin (step 8) is linked with the Tajik one as corrected (step 6), the link
        // goes only to the bodies that hold both, and each originator gets a blind notice (both are AMBER, H1).
        assertThat(out).contains("  8 ~ 6  EVENT, score 0.94: substance:OPIATE:heroin, quantity:2%, countries:AF,KZ,RU,TJ, days:1");
        assertThat(out).contains("link to CARIC CICA CIS CSTO INTPL PPACT SCO; blind notices to kz-customs, tj-drug-control");
        linksReachExactlyTheirParties();

        // Each inbox is delivered into its party's own files too, as that party may see it.
        Path inboxes = data.resolve("inboxes");
        Path agency = inboxes.resolve("agency-tj-drug-control");
        awaitLines(agency, l -> l.contains("Kunduz, as the waybill says"));
        String alert = lines(agency).stream().filter(l -> l.contains("Kunduz, as the waybill says")).findFirst()
                .map(l -> "\"alertId\":\"" + JSON.readTree(l).get("alertId").asString() + "\"").orElseThrow();
        awaitLines(agency, l -> l.contains(alert) && l.contains("\"kind\":\"OUTCOME\"") && l.contains("UNODC"));
        awaitLines(inboxes.resolve("body-caricc"), l -> l.contains(alert) && l.contains("names a Kunduz cotton mill"));
        awaitLines(inboxes.resolve("body-caricc"), l -> l.contains(alert) && l.contains("\"kind\":\"OUTCOME\""));
        awaitLines(inboxes.resolve("body-unodc"), l -> l.contains(alert) && l.contains("\"kind\":\"OUTCOME\""));
        assertThat(lines(inboxes.resolve("body-unodc"))).as("UNODC's inbox holds no question of CARICC's")
                .noneMatch(l -> l.contains(alert) && l.contains("\"kind\":\"QUESTION\""));
        assertThat(lines(inboxes.resolve("body-europol"))).as("EUROPOL never received the alert").noneMatch(l -> l.contains(alert));
        assertThat(lines(agency)).allSatisfy(l -> assertThat(l).contains("\"idempotencyKey\""));
        assertThat(lines(agency).stream().filter(l -> l.contains(alert)).map(l -> JSON.readTree(l).get("responseId").asString()))
                .as("each response once").doesNotHaveDuplicates();
    }

    /**
     * The demo's link, as each party reads it over REST from its own links topic: CARICC (holding both) the hit, EUROPOL
     * (holding neither) nothing, each originator a blind notice about its own alert that names nothing of the other.
     */
    private void linksReachExactlyTheirParties() throws Exception {
        String feeds = platform.subscriberUrl() + "/api/v1/feeds/";
        String caricc = HttpAuth.basic(platform, "body-CARICC");
        JsonNode link = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> r = call("GET", feeds + "CARICC/correlations", caricc, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            for (JsonNode c : JSON.readTree(r.body()).get("correlations")) {
                if (c.get("pair").asString().contains("kz-customs/") && c.get("pair").asString().contains("tj-drug-control/")) {
                    return c;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(link.get("status").asString()).isIn("LINKED", "UPDATED");
        assertThat(link.get("kind").asString()).isEqualTo("EVENT");
        assertThat(link.toString()).as("a body's copy names no other body and no notice")
                .doesNotContain("UNODC").doesNotContain("hitTo").doesNotContain("notices");
        String pair = link.get("pair").asString();
        HttpResponse<String> europol = call("GET", feeds + "EUROPOL/correlations", HttpAuth.basic(platform, "body-EUROPOL"), null);
        assertThat(europol.statusCode()).isEqualTo(200);
        assertThat(europol.body()).as("EUROPOL holds neither alert").doesNotContain(pair.substring(0, pair.indexOf('|')));
        assertThat(call("GET", feeds + "EUROPOL/correlations", caricc, null).statusCode()).as("another body's links").isEqualTo(403);
        assertThat(call("GET", feeds + "CARICC/correlations", null, null).statusCode()).isEqualTo(401);

        Map<String, String> tokens = DemoAgencies.tokens(data);
        for (String[] own : new String[][] {{"tj-drug-control", "kz-customs"}, {"kz-customs", "tj-drug-control"}}) {
            JsonNode side = link.get("a").get("agency").asString().equals(own[0]) ? link.get("a") : link.get("b");
            JsonNode other = side == link.get("a") ? link.get("b") : link.get("a");
            HttpResponse<String> r = call("GET", platform.restUrl() + "/api/v1/correlation-notices", tokens.get(own[0]), null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode notice = null;
            for (JsonNode n : JSON.readTree(r.body()).get("notices")) {
                if (n.get("alertId").asString().equals(side.get("alertId").asString())) {
                    notice = n;
                }
            }
            assertThat(notice).as(own[0] + "'s notice about its own alert: " + r.body()).isNotNull();
            assertThat(notice.get("status").asString()).as("linked, or updated by a later version").isIn("LINKED", "UPDATED");
            assertThat(notice.get("askThrough").toString()).contains("CARICC");
            assertThat(r.body()).as("nothing of the other report").doesNotContain(own[1])
                    .doesNotContain(other.get("alertId").asString());
        }
        assertThat(call("GET", platform.restUrl() + "/api/v1/correlation-notices", caricc, null).statusCode())
                .as("a body is no agency").isEqualTo(403);
        assertThat(call("GET", platform.restUrl() + "/api/v1/correlation-notices", null, null).statusCode()).isEqualTo(401);
    }

    private static JsonNode party(JsonNode returnChannel, String party) {
        for (JsonNode p : returnChannel.path("parties")) {
            if (p.path("party").asString().equals(party)) {
                return p;
            }
        }
        return JSON.missingNode();
    }

    private static List<String> lines(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    lines.addAll(java.nio.file.Files.readAllLines(f));
                }
            }
        }
        return lines;
    }

    private static void awaitLines(Path dir, java.util.function.Predicate<String> line) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (lines(dir).stream().noneMatch(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such line in " + dir + ": " + lines(dir));
            }
            Thread.sleep(200);
        }
    }

    @Test
    void bodiesAndTheOriginatorRespondAndReadTheThreadAsTheyMaySeeIt() throws Exception {
        Map<String, String> tokens = DemoAgencies.tokens(data);
        List<DemoScenario.Published> published = DemoScenario.publish(platform.restUrl(), tokens);
        String heroin = published.get(0).alertId();
        String tj = tokens.get("tj-drug-control");
        String caricc = HttpAuth.basic(platform, "body-CARICC");
        String unodc = HttpAuth.basic(platform, "body-UNODC");
        String feeds = platform.subscriberUrl() + "/api/v1/feeds/";
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            HttpResponse<String> s = call("GET", platform.restUrl() + "/api/v1/alerts/" + heroin + "/status", tj, null, null);
            JsonNode b = s.statusCode() == 200 ? JSON.readTree(s.body()).path("bodies") : null;
            return b != null && b.at("/CARICC/version").asInt() == 2 && b.at("/CARICC/state").asString().equals("DELIVERED")
                    && b.at("/UNODC/version").asInt() == 2 && b.at("/UNODC/state").asString().equals("DELIVERED");
        });

        String question = """
            {"kind":"QUESTION","text":"Was the cotton loaded in Kunduz according to the waybill?","language":"en",
             "priority":"PRIORITY","handling":{"tlp":"AMBER","handlingCode":"H1"}}""";
        HttpResponse<String> asked = call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc, question, "q-1");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode askedJson = JSON.readTree(asked.body());
        String questionId = askedJson.get("responseId").asString();
        assertThat(askedJson.get("alertAgency").asString()).isEqualTo("tj-drug-control");
        assertThat(askedJson.get("alertVersion").asInt()).as("the latest version delivered to CARICC").isEqualTo(2);
        HttpResponse<String> again = call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc, question, "q-1");
        assertThat(JSON.readTree(again.body()).get("offset").asLong()).as("a repeat is answered, not written again")
                .isEqualTo(askedJson.get("offset").asLong());
        assertThat(call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc,
                question.replace("Kunduz", "Mazar"), "q-1").statusCode()).as("the key with another body").isEqualTo(409);

        // Refusals: never a recipient, another body's name, another body's feed, nobody, invalid fields.
        HttpResponse<String> europol = call("POST", feeds + "EUROPOL/alerts/" + heroin + "/responses",
                HttpAuth.basic(platform, "body-EUROPOL"), question, null);
        assertThat(europol.statusCode()).as(europol.body()).isEqualTo(403);
        assertThat(europol.body()).contains("not-entitled");
        HttpResponse<String> posing = call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc,
                question.replace("{\"kind\"", "{\"responder\":{\"kind\":\"BODY\",\"id\":\"UNODC\"},\"kind\""), null);
        assertThat(posing.statusCode()).as(posing.body()).isEqualTo(403);
        assertThat(fields(posing)).containsExactly("responder");
        assertThat(call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", unodc, question, null).statusCode())
                .as("UNODC on CARICC's feed").isEqualTo(403);
        assertThat(call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", null, question, null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> invalid = call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc,
                "{\"kind\":\"OUTCOME\",\"text\":\" \",\"language\":\"en\",\"handling\":{\"tlp\":\"RED\"}}", null);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(fields(invalid)).contains("outcome", "text", "handling.addressedTo");

        // The originator sees the question and answers CARICC.
        String threadUrl = platform.restUrl() + "/api/v1/alerts/" + heroin + "/responses";
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(call("GET", threadUrl, tj, null, null)).contains(questionId));
        assertThat(call("GET", threadUrl, tokens.get("kz-customs"), null, null).statusCode())
                .as("another agency learns nothing of the alert").isEqualTo(404);
        String answer = """
            {"kind":"ANSWER","inReplyTo":"%s","text":"Yes: the waybill names a Kunduz cotton mill.","language":"en",
             "priority":"PRIORITY","handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"]}}"""
                .formatted(questionId);
        HttpResponse<String> answered = call("POST", threadUrl, tj, answer, "a-1");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        String answerId = JSON.readTree(answered.body()).get("responseId").asString();

        // UNODC reports a seizure, shared with the other recipients.
        String outcome = """
            {"kind":"OUTCOME","outcome":{"code":"SEIZED","substances":[{"name":"heroin","category":"OPIATE",
             "quantity":{"amount":37,"unit":"KG"}}]},"text":"A second consignment of the same sender was seized at Osh.",
             "language":"en","handling":{"tlp":"AMBER","handlingCode":"H1"},"shareWithRecipients":true}""";
        HttpResponse<String> reported = call("POST", feeds + "UNODC/alerts/" + heroin + "/responses", unodc, outcome, null);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
        String outcomeId = JSON.readTree(reported.body()).get("responseId").asString();

        String cariccThread = feeds + "CARICC/alerts/" + heroin + "/responses";
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(call("GET", cariccThread, caricc, null, null))
                .containsAll(List.of(questionId, answerId, outcomeId)));
        assertThat(ids(call("GET", cariccThread, caricc, null, null))).as("in routing order, once each")
                .containsExactly(questionId, answerId, outcomeId);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(call("GET", threadUrl, tj, null, null)).size() == 3);
        assertThat(ids(call("GET", feeds + "UNODC/alerts/" + heroin + "/responses", unodc, null, null)))
                .as("UNODC sees its outcome only: the question and the answer were not shared").containsExactly(outcomeId);
        assertThat(call("GET", feeds + "EUROPOL/alerts/" + heroin + "/responses", HttpAuth.basic(platform, "body-EUROPOL"),
                null, null).statusCode()).as("a body that never held the alert reads no thread").isEqualTo(403);
        // A question due in a few seconds and not answered: overdue in the status, escalated once in the metric.
        String soon = question.replace("\"priority\":\"PRIORITY\"", "\"priority\":\"PRIORITY\",\"dueAt\":\""
                + java.time.Instant.now().plusSeconds(3) + "\"").replace("Kunduz", "Termez");
        HttpResponse<String> urgent = call("POST", feeds + "CARICC/alerts/" + heroin + "/responses", caricc, soon, null);
        assertThat(urgent.statusCode()).as(urgent.body()).isEqualTo(202);
        String soonId = JSON.readTree(urgent.body()).get("responseId").asString();
        String statusUrl = platform.restUrl() + "/api/v1/alerts/" + heroin + "/status";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode open = JSON.readTree(call("GET", statusUrl, tj, null, null).body()).at("/bodies/CARICC/openQuestions");
            for (JsonNode q : open) {
                if (q.get("responseId").asString().equals(soonId) && q.get("overdue").asBoolean()) {
                    return true;
                }
            }
            return false;
        });
        JsonNode cariccStatus = JSON.readTree(call("GET", statusUrl, tj, null, null).body()).at("/bodies/CARICC");
        List<String> stillOpen = new ArrayList<>();
        cariccStatus.get("openQuestions").forEach(q -> stillOpen.add(q.get("responseId").asString()));
        assertThat(stillOpen).as("the first was answered").containsExactly(soonId);
        assertThat(JSON.readTree(call("GET", statusUrl, tj, null, null).body()).at("/bodies/UNODC/outcome").asString())
                .isEqualTo("SEIZED");
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", platform.restUrl() + "/actuator/prometheus",
                HttpAuth.basic(platform, "metrics"), null, null).body()
                .contains("corridor_ingest_question_escalations_total{body=\"CARICC\",priority=\"PRIORITY\"} 1.0"));
        // The monitor shows it too, per party: CARICC asked it, tj-drug-control owes it; and the inboxes were delivered.
        String operator = HttpAuth.basic(platform, "operator");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rc = JSON.readTree(call("GET", platform.monitorUrl() + "/api/v1/health/return-channel", operator, null, null).body());
            return rc.path("measured").asBoolean() && party(rc, "body-caricc").path("overdueQuestions").asLong() >= 1
                    && party(rc, "agency-tj-drug-control").path("overdueQuestions").asLong() >= 1
                    && party(rc, "agency-tj-drug-control").path("escalatedQuestions").asLong() >= 1
                    && party(rc, "agency-tj-drug-control").path("inboxDelivered").asLong() >= 3
                    && party(rc, "body-unodc").path("inboxDelivered").asLong() >= 1;
        });
        JsonNode rc = JSON.readTree(call("GET", platform.monitorUrl() + "/api/v1/health/return-channel", operator, null, null).body());
        System.out.println("ReturnChannelPlatformIT: GET monitor return channel -> " + rc);
        assertThat(party(rc, "body-europol").path("openQuestions").asLong()).isZero();
        assertThat(party(rc, "body-unodc").path("openQuestions").asLong()).as("UNODC asked nothing").isZero();
        assertThat(call("GET", platform.monitorUrl() + "/api/v1/health/return-channel", caricc, null, null).statusCode())
                .as("a body is not an operator").isEqualTo(403);

        // What docs/api.md shows: the answers as the platform gives them.
        System.out.println("ReturnChannelPlatformIT: POST answer -> " + answered.statusCode() + " " + answered.body());
        System.out.println("ReturnChannelPlatformIT: GET thread (agency) -> " + call("GET", threadUrl, tj, null, null).body());
        System.out.println("ReturnChannelPlatformIT: GET status -> " + call("GET", statusUrl, tj, null, null).body());
        JsonNode first = JSON.readTree(call("GET", threadUrl, tj, null, null).body()).get("responses").get(0);
        assertThat(first.at("/responder/id").asString()).isEqualTo("CARICC");
        assertThat(first.at("/handling/addressedTo").isEmpty()).isTrue();
    }

    @Test
    void anApprovedReshareReachesExactlyTheApprovedBodiesAndADeclinedOneNobodyNew() throws Exception {
        Map<String, String> tokens = DemoAgencies.tokens(data);
        List<DemoScenario.Published> published = DemoScenario.publish(platform.restUrl(), tokens);
        String heroin = published.get(0).alertId();
        String tj = tokens.get("tj-drug-control");
        String caricc = HttpAuth.basic(platform, "body-CARICC");
        String cariccUrl = platform.subscriberUrl() + "/api/v1/feeds/CARICC/alerts/" + heroin + "/responses";
        String agencyUrl = platform.restUrl() + "/api/v1/alerts/" + heroin + "/responses";
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode s = status(heroin, tj);
            return s != null && s.at("/bodies/CARICC/version").asInt() == 2 && s.at("/bodies/CARICC/state").asString().equals("DELIVERED");
        });
        Set<String> before = holding(status(heroin, tj), 2);
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
        String approvalId = JSON.readTree(approved.body()).get("responseId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> thread(agencyUrl, tj).contains(approvalId));
        HttpResponse<String> twice = call("POST", agencyUrl, tj, approval(request, "[\"EUROPOL\"]", true));
        assertThat(twice.statusCode()).as("decided already: " + twice.body()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> holding(status(heroin, tj), 3).size() == before.size() + 1);
        Set<String> after = new TreeSet<>(before);
        after.add("EUROPOL");
        assertThat(holding(status(heroin, tj), 3)).as("exactly the earlier recipients and EUROPOL").isEqualTo(after);
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
        JsonNode last = status(heroin, tj);
        assertThat(last.get("latestVersion").asInt()).isEqualTo(3);
        assertThat(last.at("/bodies/OSCE").isMissingNode() || last.at("/bodies/OSCE/state").asString().equals("WITHHELD")).isTrue();
    }
}
