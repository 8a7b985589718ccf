package org.corridor.platform.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.corridor.platform.DemoAgencies;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.HttpAuth;
import org.corridor.platform.PlatformSettings;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.stix.AlertStix;
import org.corridor.schemas.stix.CorridorObjects;
import org.corridor.schemas.stix.StixIds;
import org.corridor.schemas.stix.Versioning;
import org.corridor.schemas.stix.StixSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server on the secured platform, as the bodies' own principals: discovery and collections, who may
 * read which API root, content negotiation, paging through more than 1,000 objects while more arrive, added_after,
 * match[type], the versions of a corrected alert and a retraction served as revoked; and the MISP feed of a body
 * (first, while the feed is small enough to fetch every event file).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaxiiPlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static EmbeddedPlatform platform;
    static String caricc;
    static String root;

    @BeforeAll
    static void start() throws Exception {
        platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false), Map.of()).start();
        caricc = HttpAuth.basic(platform, "body-CARICC");
        root = platform.subscriberUrl() + "/taxii2/CARICC/";
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void discoveryAndCollectionsShowTheBodyItsOwnApiRootOnly() throws Exception {
        HttpResponse<String> discovery = get(platform.subscriberUrl() + "/taxii2/", caricc, TAXII);
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Content-Type").orElse("")).startsWith("application/taxii+json");
        assertThat(texts(JSON.readTree(discovery.body()).get("api_roots"))).containsExactly(root);
        JsonNode apiRoot = JSON.readTree(get(root, caricc, TAXII).body());
        assertThat(texts(apiRoot.get("versions"))).containsExactly(TAXII);
        JsonNode collections = JSON.readTree(get(root + "collections/", caricc, TAXII).body()).get("collections");
        List<String> aliases = new ArrayList<>();
        collections.forEach(c -> {
            aliases.add(c.get("alias").asString());
            assertThat(c.get("can_read").asBoolean()).isTrue();
            assertThat(c.get("can_write").asBoolean()).isFalse();
        });
        assertThat(aliases).containsExactly("alerts", "responses", "links");
        String alerts = collections.get(0).get("id").asString();
        assertThat(get(root + "collections/" + alerts + "/", caricc, TAXII).statusCode()).isEqualTo(200);
        assertThat(get(root + "collections/" + UUID.randomUUID() + "/", caricc, TAXII).statusCode()).isEqualTo(404);

        String europol = HttpAuth.basic(platform, "body-EUROPOL");
        for (String path : List.of("", "collections/", "collections/" + alerts + "/objects/", "collections/alerts/manifest/")) {
            assertThat(get(root + path, europol, TAXII).statusCode()).as("EUROPOL on CARICC's " + path).isEqualTo(403);
            assertThat(get(root + path, null, TAXII).statusCode()).as("anonymous on " + path).isEqualTo(401);
            assertThat(get(root + path, HttpAuth.basic(platform, "operator"), TAXII).statusCode()).as("operator").isEqualTo(403);
        }
        assertThat(get(root + "collections/", caricc, "application/json").statusCode()).isEqualTo(406);
        assertThat(get(root + "collections/", caricc, "application/taxii+json;version=2.0").statusCode()).isEqualTo(406);
        assertThat(post(root + "collections/alerts/objects/", caricc).statusCode()).as("read-only").isEqualTo(403);
        HttpResponse<String> badFilter = get(root + "collections/alerts/objects/?limit=0", caricc, TAXII);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badFilter.body()).get("description").asString()).contains("limit");
        assertThat(get(root + "collections/alerts/objects/?next=bm90LWEtdG9rZW4", caricc, TAXII).statusCode()).isEqualTo(400);
    }

    @Test
    void pagingThroughMoreThanAThousandObjectsWhileMoreArriveSkipsAndRepeatsNone() throws Exception {
        String tag = "paging-" + UUID.randomUUID();
        Set<String> first = publish(tag, 400);
        Set<String> firstReports = reportIds(first);
        String objects = root + "collections/alerts/objects/";
        waitFor(() -> reports(objects, tag).containsAll(firstReports));

        List<String> served = new ArrayList<>();
        Set<String> servedReports = new HashSet<>();
        String next = null;
        String lastAdded = null;
        int pages = 0;
        Set<String> later = null;
        do {
            HttpResponse<String> page = get(objects + "?limit=100" + (next == null ? "" : "&next=" + enc(next)), caricc, TAXII);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode env = JSON.readTree(page.body());
            for (JsonNode o : env.path("objects")) {
                served.add(o.get("id").asString() + "@" + o.path("modified").asString(o.path("created").asString("")));
                if (o.get("type").asString().equals("report")) {
                    servedReports.add(o.get("id").asString());
                }
                assertThat(StixSchemas.violations(o)).isEmpty();
            }
            if (env.has("objects")) {
                lastAdded = page.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
                assertThat(page.headers().firstValue("X-TAXII-Date-Added-First")).isPresent();
            }
            next = env.get("more").asBoolean() ? env.get("next").asString() : null;
            pages++;
            if (pages == 2) {
                later = reportIds(publish(tag, 60));
                Set<String> arriving = later;
                waitFor(() -> reports(objects, tag).containsAll(arriving));
            }
        } while (next != null);

        assertThat(served).as("no object version twice").doesNotHaveDuplicates();
        assertThat(served.size()).as("objects served").isGreaterThan(1_000);
        assertThat(servedReports).as("the snapshot of the first page: every earlier report").containsAll(firstReports);
        assertThat(servedReports).as("and none that came later").doesNotContainAnyElementsOf(later);
        Set<String> after = new HashSet<>();
        String cursor = null;
        do {
            JsonNode env = JSON.readTree(get(objects + "?match%5Btype%5D=report&limit=1000&added_after=" + enc(lastAdded)
                    + (cursor == null ? "" : "&next=" + enc(cursor)), caricc, TAXII).body());
            env.path("objects").forEach(o -> after.add(o.get("id").asString()));
            cursor = env.get("more").asBoolean() ? env.get("next").asString() : null;
        } while (cursor != null);
        assertThat(after).as("added_after the last page: the later ones, none skipped").containsAll(later)
                .doesNotContainAnyElementsOf(firstReports);
    }

    @Test
    void aCorrectedAlertHasItsVersionsAndARetractionIsServedRevoked() throws Exception {
        String token = DemoAgencies.tokens(data).get("tj-drug-control");
        String body = alert("versions " + UUID.randomUUID());
        JsonNode created = JSON.readTree(send("POST", platform.restUrl() + "/api/v1/alerts", token, body).body());
        String alertId = created.get("alertId").asString();
        assertThat(send("PUT", platform.restUrl() + "/api/v1/alerts/" + alertId, token, body.replace("\"amount\":412",
                "\"amount\":415")).statusCode()).isEqualTo(202);
        assertThat(send("DELETE", platform.restUrl() + "/api/v1/alerts/" + alertId, token,
                "{\"reason\":\"reported twice\"}").statusCode()).isEqualTo(202);
        String report = StixIds.report("tj-drug-control", UUID.fromString(alertId));
        String versions = root + "collections/alerts/objects/" + report + "/versions/";
        waitFor(() -> JSON.readTree(get(versions, caricc, TAXII).body()).path("versions").size() == 3);

        JsonNode all = JSON.readTree(get(root + "collections/alerts/objects/" + report + "/?match%5Bversion%5D=all", caricc, TAXII).body());
        assertThat(all.get("objects")).hasSize(3);
        assertThat(all.get("objects").get(0).get("created")).isEqualTo(all.get("objects").get(2).get("created"));
        JsonNode latest = JSON.readTree(get(root + "collections/alerts/objects/" + report + "/", caricc, TAXII).body())
                .get("objects");
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).get("revoked").asBoolean()).as("the retraction").isTrue();
        JsonNode firstVersion = JSON.readTree(get(root + "collections/alerts/objects/" + report + "/?match%5Bversion%5D=first",
                caricc, TAXII).body()).get("objects").get(0);
        assertThat(firstVersion.has("revoked")).isFalse();
        assertThat(get(root + "collections/alerts/objects/report--" + UUID.randomUUID() + "/", caricc, TAXII).statusCode())
                .isEqualTo(404);

        JsonNode manifest = JSON.readTree(get(root + "collections/alerts/manifest/?match%5Bid%5D=" + report + "&match%5Bversion%5D=all",
                caricc, TAXII).body());
        assertThat(manifest.get("objects")).hasSize(3);
        manifest.get("objects").forEach(m -> assertThat(m.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1"));
        String europol = HttpAuth.basic(platform, "body-EUROPOL");
        HttpResponse<String> europolSees = get(platform.subscriberUrl() + "/taxii2/EUROPOL/collections/alerts/objects/"
                + report + "/", europol, TAXII);
        assertThat(europolSees.statusCode()).as("not a recipient: its own root has no such object").isEqualTo(404);
    }

    @Test
    @Order(1)
    void aMispFeedListsExactlyTheBodysAlertsEachEventParsesAndTheHashesMatch() throws Exception {
        String token = DemoAgencies.tokens(data).get("tj-drug-control");
        String tag = "misp-" + UUID.randomUUID();
        Set<String> sent = publish(tag, 5);
        String corrected = sent.iterator().next();
        assertThat(send("PUT", platform.restUrl() + "/api/v1/alerts/" + corrected, token, alert(tag + " corrected")
                .replace("\"amount\":412", "\"amount\":415")).statusCode()).isEqualTo(202);
        HttpResponse<String> red = send("POST", platform.restUrl() + "/api/v1/alerts", token, alert(tag + " red")
                .replace("{\"tlp\":\"GREEN\",\"handlingCode\":\"H0\"}", "{\"tlp\":\"RED\",\"addressedTo\":[\"UNODC\"]}"));
        assertThat(red.statusCode()).as(red.body()).isEqualTo(202);
        String redUuid = uuidOf(JSON.readTree(red.body()).get("alertId").asString());
        String misp = platform.subscriberUrl() + "/misp/CARICC/";
        String unodcMisp = platform.subscriberUrl() + "/misp/UNODC/";
        String unodc = HttpAuth.basic(platform, "body-UNODC");
        // The router writes every feed of an alert in one transaction: once UNODC holds the red one, CARICC would too.
        waitFor(() -> JSON.readTree(get(unodcMisp + "manifest.json", unodc, "application/json").body()).has(redUuid));
        waitFor(() -> JSON.readTree(get(misp + uuidOf(corrected) + ".json", caricc, "application/json").body())
                .path("Event").path("info").asString().endsWith("corrected"));

        HttpResponse<String> manifestAnswer = get(misp + "manifest.json", caricc, "application/json");
        assertThat(manifestAnswer.statusCode()).isEqualTo(200);
        JsonNode manifest = JSON.readTree(manifestAnswer.body());
        Set<String> listed = new HashSet<>(manifest.propertyNames());
        Set<String> feed = new HashSet<>();
        reports(root + "collections/alerts/objects/", "").forEach(r -> feed.add(r.substring("report--".length())));
        assertThat(listed).as("exactly the alerts of CARICC's feed").isEqualTo(feed);
        sent.forEach(id -> assertThat(listed).contains(uuidOf(id)));
        assertThat(listed).as("TLP:RED to UNODC alone").doesNotContain(redUuid);

        Set<String> expectedHashes = new HashSet<>();
        for (String uuid : listed) {
            HttpResponse<String> file = get(misp + uuid + ".json", caricc, "application/json");
            assertThat(file.statusCode()).as(uuid).isEqualTo(200);
            JsonNode event = JSON.readTree(file.body()).get("Event");
            assertThat(event.get("uuid").asString()).isEqualTo(uuid);
            assertThat(event.get("timestamp")).isEqualTo(manifest.get(uuid).get("timestamp"));
            assertThat(event.get("Tag").get(0).get("name").asString()).isEqualTo("tlp:green");
            assertThat(event.get("Orgc").get("name").asString()).isNotBlank();
            for (JsonNode a : event.get("Attribute")) {
                if (!a.get("deleted").asBoolean()) {
                    expectedHashes.add(md5(a.get("value").asString()) + "," + uuid);
                }
            }
            if (uuid.equals(uuidOf(corrected))) {
                List<String> live = new ArrayList<>();
                List<String> deleted = new ArrayList<>();
                event.get("Attribute").forEach(a -> (a.get("deleted").asBoolean() ? deleted : live).add(a.get("value").asString()));
                assertThat(live).contains("415").doesNotContain("412");
                assertThat(deleted).contains("412");
            }
        }
        HttpResponse<String> hashes = get(misp + "hashes.csv", caricc, "text/csv");
        assertThat(hashes.statusCode()).isEqualTo(200);
        assertThat(new HashSet<>(hashes.body().lines().toList())).isEqualTo(expectedHashes);

        assertThat(get(misp + "manifest.json", HttpAuth.basic(platform, "body-EUROPOL"), "application/json").statusCode())
                .as("another body").isEqualTo(403);
        assertThat(get(misp + "manifest.json", null, "application/json").statusCode()).as("anonymous").isEqualTo(401);
        assertThat(get(misp + UUID.randomUUID() + ".json", caricc, "application/json").statusCode()).isEqualTo(404);
        assertThat(get(misp + redUuid + ".json", caricc, "application/json").statusCode()).as("not on its feed").isEqualTo(404);
    }

    @Test
    void anAgencyPublishesCorrectsAndRetractsThroughTaxiiAndEachRefusalIsToldInTheStatus() throws Exception {
        String token = DemoAgencies.tokens(data).get("tj-drug-control");
        String bearer = "Bearer " + token;
        String rest = platform.restUrl();
        String agencyRoot = rest + "/taxii2/tj-drug-control/";
        JsonNode discovery = JSON.readTree(get(rest + "/taxii2/", bearer, TAXII).body());
        assertThat(texts(discovery.get("api_roots"))).containsExactly(agencyRoot);
        JsonNode collection = JSON.readTree(get(agencyRoot + "collections/", bearer, TAXII).body()).get("collections").get(0);
        assertThat(collection.get("can_write").asBoolean()).isTrue();
        assertThat(collection.get("can_read").asBoolean()).isFalse();
        String objects = agencyRoot + "collections/" + collection.get("id").asString() + "/objects/";

        UUID good = UUID.randomUUID();
        TraffickingAlert alert = SampleAlerts.heroinSeizure().setAlertId(good).setSummary("taxii " + good)
                .setOccurredOn(LocalDate.now().minusDays(2)).setRelatedAlertIds(new ArrayList<>())
                .setHandling(new Handling(Tlp.GREEN, HandlingCode.H0, null, new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>(), false)).build();
        List<ObjectNode> envelope = new ArrayList<>(AlertStix.objects(alert, Versioning.first(java.time.Instant.now())));
        int goodParts = envelope.size();
        List<ObjectNode> badType = AlertStix.objects(SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID()).build(),
                Versioning.first(java.time.Instant.now()));
        extension(report(badType)).put("priority", "SOON");
        List<ObjectNode> badCountry = AlertStix.objects(SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID()).build(),
                Versioning.first(java.time.Instant.now()));
        extension(observed(badCountry)).put("event_country", "XX");
        List<ObjectNode> otherAgency = AlertStix.objects(SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID()).build(),
                Versioning.first(java.time.Instant.now()));
        report(otherAgency).put("created_by_ref", StixIds.agency("kz-customs"));
        for (List<ObjectNode> more : List.of(badType, badCountry, otherAgency)) {
            more.stream().filter(o -> List.of("report", "observed-data", "corridor-consignment", "location").contains(
                    o.get("type").asString()) && o.has("created")).forEach(envelope::add);
        }
        String indicator = "indicator--" + UUID.randomUUID();
        ObjectNode stray = JSON.createObjectNode().put("type", "indicator").put("id", indicator);
        envelope.add(stray);

        HttpResponse<String> posted = postTaxii(objects, bearer, envelope(envelope));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(posted.body());
        assertThat(status.get("status").asString()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(envelope.size());
        assertThat(status.get("success_count").asInt()).as(posted.body()).isEqualTo(goodParts);
        String goodReport = StixIds.report("tj-drug-control", good);
        assertThat(detail(status.get("successes"), goodReport).get("message").asString()).contains("published as alert " + good
                + " version 1");
        assertThat(detail(status.get("failures"), report(badType).get("id").asString()).get("message").asString())
                .contains("extensions." + CorridorObjects.EXTENSION + ".priority", "(alert field priority)");
        assertThat(detail(status.get("failures"), report(badCountry).get("id").asString()).get("message").asString())
                .contains(".event_country", "(alert field route.eventCountry)");
        assertThat(detail(status.get("failures"), report(otherAgency).get("id").asString()).get("message").asString())
                .contains("created_by_ref", StixIds.agency("kz-customs"), "is not the identity of agency tj-drug-control");
        assertThat(detail(status.get("failures"), indicator).get("message").asString()).contains("no report");
        JsonNode again = JSON.readTree(get(agencyRoot + "status/" + status.get("id").asString() + "/", bearer, TAXII).body());
        assertThat(again.get("success_count")).isEqualTo(status.get("success_count"));

        // Published as the agency: CARICC's feed serves the report, created by tj-drug-control.
        String inFeed = root + "collections/alerts/objects/" + goodReport + "/";
        waitFor(() -> get(inFeed, caricc, TAXII).statusCode() == 200);
        JsonNode served = JSON.readTree(get(inFeed, caricc, TAXII).body()).get("objects").get(0);
        assertThat(served.get("created_by_ref").asString()).isEqualTo(StixIds.agency("tj-drug-control"));
        assertThat(served.get("name").asString()).isEqualTo("taxii " + good);

        // A correction, then a retraction, through the same collection.
        TraffickingAlert corrected = TraffickingAlert.newBuilder(alert).setLifecycle(Lifecycle.UPDATE)
                .setSummary("taxii " + good + " corrected").build();
        JsonNode update = JSON.readTree(postTaxii(objects, bearer, envelope(AlertStix.objects(corrected,
                Versioning.first(java.time.Instant.now())))).body());
        assertThat(detail(update.get("successes"), goodReport).get("message").asString()).contains("version 2");
        TraffickingAlert retraction = TraffickingAlert.newBuilder(alert).setLifecycle(Lifecycle.RETRACTION)
                .setRetractionReason("entered twice").build();
        JsonNode retract = JSON.readTree(postTaxii(objects, bearer, envelope(AlertStix.objects(retraction,
                Versioning.first(java.time.Instant.now())))).body());
        assertThat(detail(retract.get("successes"), goodReport).get("message").asString()).contains("version 3");
        waitFor(() -> JSON.readTree(get(inFeed + "versions/", caricc, TAXII).body()).path("versions").size() == 3);
        assertThat(JSON.readTree(get(inFeed, caricc, TAXII).body()).get("objects").get(0).get("revoked").asBoolean()).isTrue();

        // Only the agency itself, in TAXII's media type.
        String kz = "Bearer " + DemoAgencies.tokens(data).get("kz-customs");
        assertThat(postTaxii(objects, kz, envelope(envelope)).statusCode()).as("another agency's root").isEqualTo(403);
        assertThat(postTaxii(objects, null, envelope(envelope)).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(get(rest + "/taxii2/kz-customs/status/" + status.get("id").asString() + "/", kz, TAXII).statusCode())
                .as("another agency's status").isEqualTo(404);
        assertThat(get(objects, bearer, TAXII).statusCode()).as("write-only").isEqualTo(403);
        assertThat(get(agencyRoot, bearer, "application/json").statusCode()).isEqualTo(406);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(objects)).POST(HttpRequest.BodyPublishers.ofString(envelope(envelope)))
                .header("Accept", TAXII).header("Content-Type", "application/json").header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = postTaxii(objects, bearer, "{\"objects\": [");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("http_status").asString()).isEqualTo("400");
    }

    // --- helpers

    private static ObjectNode report(List<ObjectNode> objects) {
        return objects.stream().filter(o -> o.get("type").asString().equals("report")).findFirst().orElseThrow();
    }

    private static ObjectNode observed(List<ObjectNode> objects) {
        return objects.stream().filter(o -> o.get("type").asString().equals("observed-data")).findFirst().orElseThrow();
    }

    private static ObjectNode extension(ObjectNode o) {
        return (ObjectNode) o.get("extensions").get(CorridorObjects.EXTENSION);
    }

    private static String envelope(List<ObjectNode> objects) {
        ObjectNode env = JSON.createObjectNode();
        objects.forEach(env.putArray("objects")::add);
        return env.toString();
    }

    private static JsonNode detail(JsonNode details, String id) {
        for (JsonNode d : details) {
            if (d.get("id").asString().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no status detail for " + id + " in " + details);
    }

    private static HttpResponse<String> postTaxii(String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", TAXII).header("Content-Type", TAXII);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String uuidOf(String alertId) {
        return StixIds.report("tj-drug-control", UUID.fromString(alertId)).substring("report--".length());
    }

    private static String md5(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> publish(String tag, int count) throws Exception {
        String token = DemoAgencies.tokens(data).get("tj-drug-control");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            batch.append(i == 0 ? "" : ",").append(alert(tag + " #" + i));
        }
        HttpResponse<String> r = send("POST", platform.restUrl() + "/api/v1/alerts/batch", token, batch.append(']').toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("accepted").asInt()).as(r.body()).isEqualTo(count);
        Set<String> ids = new HashSet<>();
        answer.get("results").forEach(x -> ids.add(x.get("alertId").asString()));
        return ids;
    }

    private static Set<String> reportIds(Set<String> alertIds) {
        Set<String> reports = new HashSet<>();
        alertIds.forEach(id -> reports.add(StixIds.report("tj-drug-control", UUID.fromString(id))));
        return reports;
    }

    private static String alert(String summary) {
        return """
            {"kind":"SEIZURE","priority":"ROUTINE","occurredOn":"%s","summary":"%s",
             "substances":[{"name":"heroin","category":"OPIATE","quantity":{"amount":412,"unit":"KG"}}],
             "route":{"eventCountry":"TJ","originCountry":"AF","transitCountries":["KZ"],"destinationCountry":"RU"},
             "transportMode":"ROAD","handling":{"tlp":"GREEN","handlingCode":"H0"}}""".formatted(LocalDate.now().minusDays(3), summary);
    }

    /** The report ids whose name carries the tag, over every page. */
    private static Set<String> reports(String objects, String tag) throws Exception {
        Set<String> found = new HashSet<>();
        String next = null;
        do {
            JsonNode env = JSON.readTree(get(objects + "?match%5Btype%5D=report&limit=1000" + (next == null ? "" : "&next=" + enc(next)),
                    caricc, TAXII).body());
            env.path("objects").forEach(o -> {
                if (o.get("name").asString().startsWith(tag)) {
                    found.add(o.get("id").asString());
                }
            });
            next = env.path("more").asBoolean() ? env.get("next").asString() : null;
        } while (next != null);
        return found;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> check) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(check);
    }

    private static HttpResponse<String> get(String url, String auth, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Accept", TAXII).header("Content-Type", TAXII).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asString()));
        return out;
    }
}
