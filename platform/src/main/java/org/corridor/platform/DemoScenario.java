package org.corridor.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic exchange, published through the agency REST API as the agencies would: heroin moving from Afghanistan
 * through Tajikistan, APAAN diverted through Antwerp, cocaine through a Balkan port, an NPS detection, a TLP:RED alert
 * for one body, then a correction and a retraction, and Kazakh customs' own report of the Tajik heroin (which the
 * correlator links to it). Each step knows which bodies must receive it.
 */
public final class DemoScenario {

    /** One publication and the bodies that must receive it. */
    public record Step(String label, String agency, String method, String body, Set<String> expected, Integer correctsStep) {
    }

    /** What the API answered for a step. */
    public record Published(Step step, String alertId, int version) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DAY = LocalDate.now().minusDays(2).toString();
    private static final String NEXT_DAY = LocalDate.now().minusDays(1).toString();
    /** The step whose alert the correlator links with the first (heroin via Tajikistan). */
    public static final String KAZAKH_HEROIN = "heroin held by KZ customs";

    public static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("heroin via Tajikistan", "tj-drug-control", "POST", """
            {"kind":"SEIZURE","priority":"URGENT","occurredOn":"%s","summary":"412 kg of heroin in a cotton truck at Nizhny Panj",
             "substances":[{"name":"heroin","category":"OPIATE","quantity":{"amount":412,"unit":"KG"},"purityPercent":61}],
             "route":{"eventCountry":"TJ","originCountry":"AF","transitCountries":["KZ"],"destinationCountry":"RU","placeName":"Nizhny Panj"},
             "transportMode":"ROAD","concealmentMethod":"false floor under cotton bales",
             "handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"]},
             "evaluation":{"sourceReliability":"B","informationAssessment":2}}""".formatted(DAY),
                Set.of("UNODC", "INTERPOL", "PARIS_PACT", "CARICC", "CSTO", "SCO", "CIS", "CICA"), null));
        steps.add(new Step("APAAN diverted via Antwerp", "be-customs", "POST", """
            {"kind":"DIVERSION","priority":"PRIORITY","occurredOn":"%s","summary":"1.2 t of APAAN declared as a dye intermediate",
             "substances":[{"name":"APAAN","category":"PRECURSOR_TABLE_I","casNumber":"4468-48-8","quantity":{"amount":1200,"unit":"KG"}}],
             "route":{"eventCountry":"BE","originCountry":"CN","destinationCountry":"NL","placeName":"Port of Antwerp"},
             "transportMode":"MARITIME","handling":{"tlp":"GREEN","handlingCode":"H0"}}""".formatted(DAY),
                Set.of("INCB", "INTERPOL", "EUROPOL", "SCO", "CICA", "OSCE"), null));
        steps.add(new Step("cocaine via the port of Bar", "me-police", "POST", """
            {"kind":"SEIZURE","priority":"PRIORITY","occurredOn":"%s","summary":"2.1 t of cocaine in banana boxes at the port of Bar",
             "substances":[{"name":"cocaine","category":"COCAINE","quantity":{"amount":2100,"unit":"KG"}}],
             "route":{"eventCountry":"ME","originCountry":"EC","destinationCountry":"RS","placeName":"Port of Bar"},
             "transportMode":"MARITIME","concealmentMethod":"banana boxes",
             "handling":{"tlp":"AMBER","handlingCode":"H1"}}""".formatted(DAY),
                Set.of("UNODC", "INTERPOL", "SELEC"), null));
        steps.add(new Step("NPS detected in Germany", "de-bka", "POST", """
            {"kind":"NPS_DETECTION","priority":"ROUTINE","occurredOn":"%s","summary":"First detection of 2-MMC in Germany",
             "substances":[{"name":"2-MMC","category":"NPS"}],"route":{"eventCountry":"DE"},
             "handling":{"tlp":"GREEN","handlingCode":"H0"}}""".formatted(DAY),
                Set.of("INCB", "EUDA", "EUROPOL", "OSCE"), null));
        steps.add(new Step("MDMA lab, TLP:RED to Europol", "nl-police", "POST", """
            {"kind":"CLANDESTINE_LAB","priority":"URGENT","occurredOn":"%s","summary":"Industrial MDMA laboratory dismantled",
             "substances":[{"name":"MDMA","category":"AMPHETAMINE_TYPE","quantity":{"amount":300,"unit":"KG"}}],
             "route":{"eventCountry":"NL"},"handling":{"tlp":"RED","handlingCode":"H2","addressedTo":["EUROPOL"]}}""".formatted(DAY),
                Set.of("EUROPOL"), null));
        steps.add(new Step("correction: 415 kg, not 412", "tj-drug-control", "PUT", steps.get(0).body()
                .replace("\"amount\":412", "\"amount\":415").replace("412 kg", "415 kg"),
                steps.get(0).expected(), 0));
        steps.add(new Step("retraction: reported twice", "me-police", "DELETE",
                "{\"reason\":\"the same seizure was reported by SELEC's liaison office\"}", steps.get(2).expected(), 2));
        // The Tajik seizure as Kazakh customs saw it: its own words, grams, a day later. The correlator links the two.
        steps.add(new Step(KAZAKH_HEROIN, "kz-customs", "POST", """
            {"kind":"STOPPED_SHIPMENT","priority":"PRIORITY","occurredOn":"%s","summary":"Cotton truck from Tajikistan held at the border; heroin found on inspection",
             "substances":[{"name":"heroin base","category":"OPIATE","quantity":{"amount":405000,"unit":"G"}}],
             "route":{"eventCountry":"KZ","originCountry":"AF","transitCountries":["TJ"],"destinationCountry":"RU"},
             "transportMode":"ROAD","handling":{"tlp":"AMBER","handlingCode":"H1"}}""".formatted(NEXT_DAY),
                Set.of("INCB", "INTERPOL", "PARIS_PACT", "CARICC", "CSTO", "SCO", "CIS", "CICA"), null));
        return steps;
    }

    /** Publishes every step through the REST API; corrections and retractions target the step they name. */
    public static List<Published> publish(String restUrl, Map<String, String> tokens) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Published> published = new ArrayList<>();
        for (Step step : steps()) {
            String path = "/api/v1/alerts" + (step.correctsStep() == null ? "" : "/" + published.get(step.correctsStep()).alertId());
            HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(step.agency()))
                    .header("Content-Type", "application/json")
                    .method(step.method(), HttpRequest.BodyPublishers.ofString(step.body())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("demo step \"" + step.label() + "\" answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            published.add(new Published(step, json.get("alertId").asString(), json.get("version").asInt()));
        }
        return published;
    }

    /** Step label to expected recipients, for tests. */
    public static Map<String, Set<String>> expected() {
        Map<String, Set<String>> e = new LinkedHashMap<>();
        steps().forEach(s -> e.put(s.label(), s.expected()));
        return e;
    }
}
