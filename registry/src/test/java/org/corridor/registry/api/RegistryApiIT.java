package org.corridor.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.corridor.registry.RegistryApplication;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Contract tests of every endpoint over real HTTP, against the registry storing in a real broker: the answers, the
 * content types, and each error code with the situation that causes it.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryApiIT {

    static final String V1 = "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    static final String REQUIRED_C = "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"c\",\"type\":\"int\"}]}";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBrokerExtension.shared().bootstrapServers());
        registry.add("corridor.registry.topic", () -> "_schemas-api-it");
        registry.add("corridor.registry.writer-id", () -> "registry-api-it");
    }

    @Value("${local.server.port}")
    int port;
    Http http;
    String subject;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        subject = "alerts.in.test-" + UUID.randomUUID().toString().substring(0, 8) + "-value";
    }

    private int register(String s, String schema) {
        Http.Response r = http.post("/subjects/" + s + "/versions", Http.schemaBody(schema));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asInt();
    }

    @Test
    void rootAndTypes() {
        assertThat(http.get("/").body()).isEqualTo("{}");
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void registerIsIdempotentAndIdsAreGlobal() {
        int id = register(subject, V1);
        assertThat(register(subject, V1)).isEqualTo(id);
        assertThat(register(subject + "-copy", V1)).isEqualTo(id);
        assertThat(register(subject, V2)).isGreaterThan(id);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void answersInTheRegistryContentTypeAndAcceptsAllThree() {
        Http.Response r = http.send("POST", "/subjects/" + subject + "/versions", Http.schemaBody(V1), Http.V1, null);
        assertThat(r.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        for (String type : new String[] {"application/vnd.schemaregistry+json", "application/json"}) {
            Http.Response again = http.send("POST", "/subjects/" + subject + "/versions", Http.schemaBody(V1), type, type);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.contentType()).startsWith(type);
        }
        Http.Response confluentAccept = http.send("GET", "/subjects", null, null,
                "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5");
        assertThat(confluentAccept.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void lookupFindsTheVersion() {
        int id = register(subject, V1);
        Http.Response r = http.post("/subjects/" + subject, Http.schemaBody(V1));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("subject").asText()).isEqualTo(subject);
        assertThat(r.json().get("id").asInt()).isEqualTo(id);
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        assertThat(r.json().get("schema").asText()).isEqualTo(V1);
        assertThat(http.post("/subjects/" + subject, Http.schemaBody(V2)).errorCode()).isEqualTo(40403);
        Http.Response unknown = http.post("/subjects/nope-" + subject, Http.schemaBody(V1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40401);
        assertThat(unknown.json().get("message").asText()).isEqualTo("Subject 'nope-" + subject + "' not found.");
    }

    @Test
    void subjectsAndVersions() {
        register(subject, V1);
        register(subject, V2);
        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        Http.Response latest = http.get("/subjects/" + subject + "/versions/latest");
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/1").json().get("schema").asText()).isEqualTo(V1);
        assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(V1);
        assertThat(http.get("/subjects/" + subject + "/versions/3").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + subject + "/versions/abc").errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/" + subject + "/versions/0").status()).isEqualTo(422);
        assertThat(http.get("/subjects/missing-" + subject + "/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void schemasById() {
        int id = register(subject, V1);
        register(subject + "-other", V1);
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(V1);
        assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(V1);
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString())
                .contains(subject).contains(subject + "-other");
        assertThat(http.get("/schemas/ids/" + id + "/versions").json().toString())
                .contains("{\"subject\":\"" + subject + "\",\"version\":1}");
        Http.Response missing = http.get("/schemas/ids/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
        assertThat(missing.json().get("message").asText()).isEqualTo("Schema 999999 not found");
    }

    @Test
    void invalidSchemasAre42201() {
        Http.Response bad = http.post("/subjects/" + subject + "/versions", Http.schemaBody("{\"type\":\"record\""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo(42201);
        String protobuf = "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}";
        assertThat(http.post("/subjects/" + subject + "/versions", protobuf).errorCode()).isEqualTo(42201);
        String withRefs = "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}";
        assertThat(http.post("/subjects/" + subject + "/versions", withRefs).errorCode()).isEqualTo(42201);
        assertThat(http.post("/subjects/" + subject + "/versions", "not json").status()).isEqualTo(400);
    }

    @Test
    void incompatibleSchemaIs409NamingTheProblem() {
        register(subject, V1);
        Http.Response r = http.post("/subjects/" + subject + "/versions", Http.schemaBody(REQUIRED_C));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo(409);
        assertThat(r.json().get("message").asText())
                .contains("incompatible with an earlier schema for subject \"" + subject + "\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("field 'c' has no default value");
    }

    @Test
    void compatibilityChecks() {
        register(subject, V1);
        String path = "/compatibility/subjects/" + subject + "/versions/latest";
        assertThat(http.post(path, Http.schemaBody(V2)).body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post(path, Http.schemaBody(REQUIRED_C)).body()).isEqualTo("{\"is_compatible\":false}");
        Http.Response verbose = http.post(path + "?verbose=true", Http.schemaBody(REQUIRED_C));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions?verbose=true", Http.schemaBody(V2))
                .json().get("is_compatible").asBoolean()).isTrue();
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/1", Http.schemaBody(V2)).status()).isEqualTo(200);
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/5", Http.schemaBody(V2)).errorCode()).isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/x", Http.schemaBody(V2)).errorCode()).isEqualTo(42202);
        assertThat(http.post("/compatibility/subjects/none-" + subject + "/versions/latest", Http.schemaBody(V2)).errorCode())
                .isEqualTo(40401);
    }

    @Test
    void softAndPermanentDeletesOfVersions() {
        register(subject, V1);
        register(subject, V2);
        assertThat(http.delete("/subjects/" + subject + "/versions/2?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/" + subject + "/versions/2").body()).isEqualTo("2");
        assertThat(http.delete("/subjects/" + subject + "/versions/2").errorCode()).isEqualTo(40406);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions/2?deleted=true").status()).isEqualTo(200);
        assertThat(http.delete("/subjects/" + subject + "/versions/2?permanent=true").body()).isEqualTo("2");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1]");
    }

    @Test
    void softAndPermanentDeletesOfSubjects() {
        int id = register(subject, V1);
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[1]");
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
        assertThat(http.get("/subjects").body()).doesNotContain("\"" + subject + "\"");
        assertThat(http.get("/subjects?deleted=true").body()).contains("\"" + subject + "\"");
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void globalAndSubjectConfig() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        for (String level : new String[] {"NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
            "FULL", "FULL_TRANSITIVE"}) {
            assertThat(http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}").body())
                    .isEqualTo("{\"compatibility\":\"" + level + "\"}");
            assertThat(http.get("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"" + level + "\"}");
        }
        Http.Response bad = http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo(42203);
        assertThat(http.delete("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(http.delete("/config/" + subject).errorCode()).isEqualTo(40408);
        try {
            assertThat(http.put("/config", "{\"compatibility\":\"FULL\"}").body()).isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.put("/config", "{\"compatibility\":\"nope\"}").errorCode()).isEqualTo(42203);
        } finally {
            http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        }
    }

    @Test
    void subjectLevelDecidesRegistration() {
        register(subject, V1);
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(REQUIRED_C)).status()).isEqualTo(200);
    }

    @Test
    void modes() {
        assertThat(http.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.get("/mode/" + subject).errorCode()).isEqualTo(40409);
        assertThat(http.put("/mode", "{\"mode\":\"WRITEONLY\"}").errorCode()).isEqualTo(42204);
        try {
            assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").body()).isEqualTo("{\"mode\":\"READONLY\"}");
            Http.Response refused = http.post("/subjects/" + subject + "/versions", Http.schemaBody(V1));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo(42205);
        } finally {
            http.put("/mode", "{\"mode\":\"READWRITE\"}");
        }
        assertThat(http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}").body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(http.get("/mode/" + subject).body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(V1)).errorCode()).isEqualTo(42205);
        assertThat(http.delete("/mode/" + subject).body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(http.get("/mode/" + subject + "?defaultToGlobal=true").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(V1)).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheSameErrorShape() {
        Http.Response r = http.get("/no/such/path");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo(404);
        assertThat(http.send("PATCH", "/subjects", "{}", Http.V1, null).errorCode()).isEqualTo(405);
    }
}
