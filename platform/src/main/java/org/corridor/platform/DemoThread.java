package org.corridor.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.http.HttpParty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's return channel, through the REST APIs as the parties would use them: CARICC asks tj-drug-control a
 * question about the heroin alert, the agency answers CARICC, UNODC reports the seizure that followed (37 kg) and
 * shares it with the other recipients. Then it prints who got each response.
 */
final class DemoThread {

    private static final JsonMapper JSON = JsonMapper.shared();
    static final String AGENCY = "tj-drug-control";

    /** One response the demo posted. */
    record Posted(String label, String from, String responseId) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String restUrl;
    private final String subscriberUrl;
    private final String agencyToken;
    private final Function<String, String> bodyPassword;

    /** @param bodyPassword a body id to the HTTP basic password of its user {@code body-<ID>} */
    DemoThread(String restUrl, String subscriberUrl, String agencyToken, Function<String, String> bodyPassword) {
        this.restUrl = restUrl;
        this.subscriberUrl = subscriberUrl;
        this.agencyToken = agencyToken;
        this.bodyPassword = bodyPassword;
    }

    /** Posts the three responses to the alert, once CARICC and UNODC hold its latest version. */
    List<Posted> run(String alertId, int version, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(delivered(alertId, "CARICC", version) && delivered(alertId, "UNODC", version))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("CARICC and UNODC did not get version " + version + " of the heroin alert within "
                        + timeout + "; is ./corridor up running?");
            }
            Thread.sleep(300);
        }
        List<Posted> posted = new ArrayList<>();
        String question = post(bodyUrl("CARICC", alertId), basic("CARICC"), """
            {"kind":"QUESTION","text":"Was the cotton loaded in Kunduz, as the waybill says?","language":"en",
             "priority":"PRIORITY","handling":{"tlp":"AMBER","handlingCode":"H1"}}""");
        posted.add(new Posted("QUESTION  Was the cotton loaded in Kunduz?", "CARICC", question));
        while (!thread(alertId).contains(question)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agency did not get CARICC's question within " + timeout);
            }
            Thread.sleep(300);
        }
        posted.add(new Posted("ANSWER    Yes, a Kunduz mill (the waybill)", AGENCY, post(agencyUrl(alertId), "Bearer " + agencyToken, """
            {"kind":"ANSWER","inReplyTo":"%s","text":"Yes: the waybill names a Kunduz cotton mill.","language":"en",
             "priority":"PRIORITY","handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"]}}"""
                .formatted(question))));
        posted.add(new Posted("OUTCOME   SEIZED 37 kg heroin, shared", "UNODC", post(bodyUrl("UNODC", alertId), basic("UNODC"), """
            {"kind":"OUTCOME","outcome":{"code":"SEIZED","substances":[{"name":"heroin","category":"OPIATE",
             "quantity":{"amount":37,"unit":"KG"}}]},"text":"A second consignment of the same sender was seized at Osh.",
             "language":"en","priority":"ROUTINE","handling":{"tlp":"AMBER","handlingCode":"H1"},"shareWithRecipients":true}""")));
        return posted;
    }

    /** Who got each response: the originating agency, the responder and the bodies of its routing decision. */
    static void print(PrintWriter out, String alertLabel, List<Posted> posted, Map<String, RoutingDecision> decisions) {
        List<String> bodies = List.copyOf(ReferenceData.defaults().bodyIds());
        out.println();
        out.println("Return channel on " + alertLabel + ":");
        out.printf("    %-43s %-16s %-5s", "response", "from", "AGNCY");
        bodies.forEach(b -> out.printf(" %-5s", DemoCommand.abbreviate(b)));
        out.println();
        for (Posted p : posted) {
            RoutingDecision d = decisions.get(AuditReader.responseKey(p.responseId()));
            out.printf("    %-43s %-16s %-5s", p.label(), p.from(), d == null ? "?" : "yes");
            for (String body : bodies) {
                out.printf(" %-5s", d == null ? "?" : body.equals(p.from()) || d.getRecipients().contains(body) ? "yes" : ".");
            }
            out.println();
        }
        out.println("yes = in the party's inbox (AGNCY: " + AGENCY + ", the originator); read a thread with"
                + " GET /api/v1/alerts/{id}/responses (agency) or /api/v1/feeds/{body}/alerts/{id}/responses (body)");
        out.flush();
    }

    private boolean delivered(String alertId, String body, int version) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(restUrl + "/api/v1/alerts/" + alertId + "/status"))
                .header("Authorization", "Bearer " + agencyToken).GET());
        if (r.statusCode() != 200) {
            return false;
        }
        JsonNode b = JSON.readTree(r.body()).path("bodies").path(body);
        return b.path("version").asInt() >= version && List.of("DELIVERED", "ACKNOWLEDGED").contains(b.path("state").asString(""));
    }

    private List<String> thread(String alertId) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(agencyUrl(alertId)))
                .header("Authorization", "Bearer " + agencyToken).GET());
        List<String> ids = new ArrayList<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).path("responses").forEach(n -> ids.add(n.path("responseId").asString()));
        }
        return ids;
    }

    private String post(String url, String authorization, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("responseId").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bodyUrl(String body, String alertId) {
        return subscriberUrl + "/api/v1/feeds/" + body + "/alerts/" + alertId + "/responses";
    }

    private String agencyUrl(String alertId) {
        return restUrl + "/api/v1/alerts/" + alertId + "/responses";
    }

    private String basic(String body) {
        String user = HttpParty.bodyUser(body);
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + bodyPassword.apply(body)).getBytes(StandardCharsets.UTF_8));
    }
}
