package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 1,500 generated hostile requests (fixed seed) against the REST ingest on a real broker: valid alerts with one to
 * three fields replaced by values of the wrong type, out of range, absurdly long, deeply nested or missing; random
 * text; broken JSON. The service must answer each with a client error that says what is wrong (or accept it when
 * the mutation happened to be valid), never a 5xx.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HostileRequestsIT {

    private static final TestAgency KZ = TestAgency.create("kz-customs", "KZ");
    private static final Set<Integer> ALLOWED = Set.of(202, 400, 403, 409, 413, 415);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext registry;
    private static ConfigurableApplicationContext ingest;
    private static ApiClient api;

    @BeforeAll
    static void start(TestKafka broker) {
        registry = TestServices.registry(broker.bootstrapServers(), "_schemas-hostile-it");
        ingest = TestServices.ingest(broker.bootstrapServers(), TestServices.url(registry), List.of(KZ),
                Map.of("corridor.ingest.max-body-size", "64KB", "corridor.ingest.rate-limit", "0"));
        api = new ApiClient(TestServices.url(ingest));
    }

    @AfterAll
    static void stop() {
        ingest.close();
        registry.close();
    }

    @Test
    void noGeneratedRequestGetsAServerError() throws Exception {
        Random r = new Random(1127);
        JsonNode valid = JSON.readTree(SampleJson.seizure());
        List<String> fieldPaths = paths(valid, "");
        int accepted = 0;
        for (int i = 0; i < 1_500; i++) {
            String body;
            if (i % 10 == 0) {
                body = randomText(r);
            } else if (i % 10 == 1) {
                String text = valid.toString();
                body = text.substring(0, r.nextInt(text.length()));
            } else {
                ObjectNode doc = (ObjectNode) valid.deepCopy();
                for (int m = 1 + r.nextInt(3); m > 0; m--) {
                    mutate(doc, fieldPaths.get(r.nextInt(fieldPaths.size())), r);
                }
                body = doc.toString();
            }
            ApiClient.Response response = api.post(KZ.token(), body);
            assertThat(ALLOWED).as("case " + i + " answered " + response.status() + ": " + response.body() + "\nfor " + body)
                    .contains(response.status());
            if (response.status() == 400) {
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().has("errors") || response.json().has("detail")).as(response.body()).isTrue();
            }
            accepted += response.status() == 202 ? 1 : 0;
        }
        assertThat(accepted).as("some mutations stay valid, most do not").isBetween(1, 1_400);
    }

    /** Every field path of the document, "route.transitCountries[0]" style. */
    private static List<String> paths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (String f : node.propertyNames()) {
                String p = prefix.isEmpty() ? f : prefix + "." + f;
                out.add(p);
                out.addAll(paths(node.get(f), p));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = prefix + "[" + i + "]";
                out.add(p);
                out.addAll(paths(node.get(i), p));
            }
        }
        return out;
    }

    private static void mutate(ObjectNode doc, String path, Random r) {
        String[] parts = path.replace("[", ".[").split("\\.");
        JsonNode parent = doc;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = parts[i].startsWith("[") ? parent.get(Integer.parseInt(parts[i].substring(1, parts[i].length() - 1)))
                    : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode value = hostileValue(r);
        if (parent instanceof ObjectNode o) {
            if (r.nextInt(5) == 0) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a && last.startsWith("[")) {
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            if (index < a.size()) {
                a.set(index, value);
            }
        }
    }

    private static JsonNode hostileValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(14)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(r.nextBoolean());
            case 2 -> f.numberNode(r.nextLong());
            case 3 -> f.numberNode(-r.nextDouble() * 1e300);
            case 4 -> f.numberNode(new java.math.BigDecimal("1e400"));
            case 5 -> f.textNode("");
            case 6 -> f.textNode("x".repeat(20_000));
            case 7 -> f.textNode("\u0000\uFFFF\uD83D\uDE00 \" \\ <script>");
            case 8 -> f.textNode("2026-02-30");
            case 9 -> f.textNode("not-a-uuid");
            case 10 -> f.arrayNode().add(f.objectNode()).add(f.nullNode());
            case 11 -> {
                ObjectNode deep = f.objectNode();
                ObjectNode cur = deep;
                for (int i = 0; i < 200; i++) {
                    cur = cur.putObject("a");
                }
                yield deep;
            }
            case 12 -> f.textNode("XX");
            default -> f.objectNode().put("unexpected", 1);
        };
    }

    private static String randomText(Random r) {
        byte[] b = new byte[r.nextInt(200)];
        r.nextBytes(b);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
