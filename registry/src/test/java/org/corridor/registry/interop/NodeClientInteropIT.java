package org.corridor.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.corridor.registry.RegistryRunner;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.serde.WireFormat;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Interoperability with an independent implementation: the Node.js client {@code @kafkajs/confluent-schema-registry}
 * registers against Corridor's registry, writes the wire format that Corridor's deserializer reads, and reads what
 * Corridor's serializer writes. Needs node and npm (installed on every Corridor build machine); it fails, never skips,
 * when they are missing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class NodeClientInteropIT {

    private static final Path CLIENT_DIR = Path.of("src/test/node");
    private static final String TOPIC = "interop-alerts";

    @TempDir
    Path work;

    @Test
    void nodeClientAndCorridorSerdesUnderstandEachOther(TestKafka kafka) throws Exception {
        installClient();
        try (ConfigurableApplicationContext registry = RegistryRunner.start(kafka.bootstrapServers(), "_schemas-interop-it", Map.of())) {
            String url = RegistryRunner.url(registry);
            Map<String, Object> config = Map.of(RegistryClientConfig.URL, url, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            TraffickingAlert javaAlert = SampleAlerts.heroinSeizure().build();
            AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>();
            serializer.configure(config, false);
            byte[] javaBytes = serializer.serialize(TOPIC, javaAlert);

            Path schema = Files.writeString(work.resolve("alert.avsc"), TraffickingAlert.getClassSchema().toString());
            Path payload = Files.writeString(work.resolve("payload.json"), nodePayload());
            Path javaFile = Files.write(work.resolve("java.bin"), javaBytes);
            Path nodeFile = work.resolve("node.bin");
            JsonNode result = JsonMapper.shared().readTree(run(List.of("node", "interop.js", url, TOPIC + "-value",
                    schema.toString(), payload.toString(), javaFile.toString(), nodeFile.toString())));

            int javaId = WireFormat.schemaId(javaBytes);
            assertThat(result.get("id").asInt()).as("same schema, same subject, same id").isEqualTo(javaId);
            assertThat(result.get("latestId").asInt()).isEqualTo(javaId);
            assertThat(result.get("magic").asInt()).isZero();
            assertThat(result.get("headerId").asInt()).isEqualTo(javaId);
            assertThat(result.get("javaAlertId").asString()).isEqualTo(javaAlert.getAlertId().toString());
            assertThat(result.get("javaSummary").asString()).isEqualTo(javaAlert.getSummary());

            AvroDeserializer<TraffickingAlert> deserializer = new AvroDeserializer<>();
            deserializer.configure(config, false);
            TraffickingAlert fromNode = deserializer.deserialize(TOPIC, Files.readAllBytes(nodeFile));
            assertThat(fromNode.getSummary()).isEqualTo("written by a Node.js client");
            assertThat(fromNode.getAlertId().toString()).isEqualTo("0b6a3c5e-2f4d-4e8a-9b1c-7d2e5f8a9c10");
            assertThat(fromNode.getHandling().getTlp().name()).isEqualTo("GREEN");
        }
    }

    /** An alert as plain JSON for the Node client (logical types as their underlying Avro types). */
    private static String nodePayload() {
        return """
            {"alertId": "0b6a3c5e-2f4d-4e8a-9b1c-7d2e5f8a9c10", "version": 1, "lifecycle": "NEW", "retractionReason": null,
             "originAgency": {"agencyId": "ua-police", "country": "UA", "name": "National Police of Ukraine"},
             "kind": "MODUS_OPERANDI", "priority": "ROUTINE", "occurredOn": 20400, "reportedAt": 1764000000000,
             "substances": [], "route": {"eventCountry": "UA", "originCountry": null, "transitCountries": [],
             "destinationCountry": null, "placeName": null, "coordinates": null}, "transportMode": "MAIL",
             "concealmentMethod": null, "summary": "written by a Node.js client", "details": null, "language": "en",
             "handling": {"tlp": "GREEN", "handlingCode": "H0", "handlingRestriction": null, "addressedTo": [],
             "releasableTo": [], "notReleasableTo": []}, "evaluation": null, "relatedAlertIds": []}
            """;
    }

    private static void installClient() throws IOException, InterruptedException {
        if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(CLIENT_DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (Node.js and npm are required for this "
                    + "interoperability test): " + e.getMessage(), e);
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 180 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with exit code " + process.exitValue() + ":\n" + output);
        }
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
