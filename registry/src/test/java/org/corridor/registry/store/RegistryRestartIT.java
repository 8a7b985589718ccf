package org.corridor.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.corridor.registry.RegistryRunner;
import org.corridor.registry.api.Http;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** The log is the state: a restarted registry answers exactly as before, every subject, version, id and setting. */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryRestartIT {

    private static final String TOPIC = "_schemas-restart-it";

    private static String schema(int i) {
        return "{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    private static String snapshot(Http http) {
        StringBuilder s = new StringBuilder();
        s.append(http.get("/subjects?deleted=true").body()).append('\n');
        for (var subject : http.get("/subjects?deleted=true").json()) {
            String name = subject.asText();
            s.append(name).append(' ').append(http.get("/subjects/" + name + "/versions?deleted=true").body()).append('\n');
            for (var version : http.get("/subjects/" + name + "/versions?deleted=true").json()) {
                s.append(http.get("/subjects/" + name + "/versions/" + version.asInt() + "?deleted=true").body()).append('\n');
            }
        }
        for (int id = 1; id <= 12; id++) {
            s.append(id).append(' ').append(http.get("/schemas/ids/" + id).body()).append('\n');
        }
        s.append(http.get("/config").body()).append(http.get("/config/s0-value").body()).append(http.get("/mode").body());
        return s.toString();
    }

    @Test
    void restartKeepsEverySubjectVersionAndId(TestKafka kafka) {
        String before;
        try (ConfigurableApplicationContext first = RegistryRunner.start(kafka.bootstrapServers(), TOPIC, Map.of())) {
            Http http = new Http(RegistryRunner.url(first));
            for (int i = 0; i < 10; i++) {
                String subject = "s" + (i % 4) + "-value";
                http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
                assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(schema(i))).status()).isEqualTo(200);
            }
            http.delete("/subjects/s3-value");
            http.delete("/subjects/s3-value?permanent=true");
            http.delete("/subjects/s1-value/versions/1");
            http.put("/config/s0-value", "{\"compatibility\":\"FULL\"}");
            before = snapshot(http);
            assertThat(before).contains("s0-value [1,2,3]").contains("s1-value [1,2,3]").doesNotContain("s3-value [");
        }
        try (ConfigurableApplicationContext second = RegistryRunner.start(kafka.bootstrapServers(), TOPIC, Map.of())) {
            Http http = new Http(RegistryRunner.url(second));
            assertThat(snapshot(http)).isEqualTo(before);
            int next = http.post("/subjects/s9-value/versions", Http.schemaBody(schema(99))).json().get("id").asInt();
            assertThat(next).as("ids keep growing past permanently deleted ones").isEqualTo(11);
        }
    }
}
