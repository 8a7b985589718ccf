package org.corridor.platform.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.corridor.platform.CorridorCli;
import org.corridor.platform.DemoScenario;
import org.corridor.schemas.stix.StixSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StixCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CorridorCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyAlertOfTheDemoBecomesAValidBundle() throws Exception {
        int objects = 0;
        for (DemoScenario.Step step : DemoScenario.steps()) {
            if (!step.method().equals("POST")) {
                continue;  // corrections as a PUT body of step 1 are checked below; a retraction has no alert body
            }
            Path file = Files.writeString(dir.resolve(step.agency() + objects + ".json"), step.body());
            Run r = run("stix", "--agency", step.agency(), file.toString());
            assertThat(r.exit()).as(step.label() + ": " + r.err()).isZero();
            JsonNode bundle = JSON.readTree(r.out());
            assertThat(StixSchemas.bundleViolations(bundle)).as(step.label()).isEmpty();
            objects += bundle.get("objects").size();
        }
        assertThat(objects).isGreaterThan(40);
    }

    @Test
    void twoVersionsOfOneAlertAreTwoVersionsOfOneReport() throws Exception {
        String v1 = Files.readString(Path.of("../docs/examples/heroin-tj-drug-control.json"));
        JsonNode first = JSON.readTree(v1);
        String withId = ((tools.jackson.databind.node.ObjectNode) first).put("alertId", "62508d8d-b7fb-4e56-b0f2-78dd052b158c")
                .put("version", 1).put("reportedAt", "2026-11-20T14:03:00Z").toString();
        String v2 = ((tools.jackson.databind.node.ObjectNode) JSON.readTree(withId)).put("version", 2).put("lifecycle", "UPDATE")
                .put("reportedAt", "2026-11-20T16:00:00Z").toString();
        Path a = Files.writeString(dir.resolve("v1.json"), withId);
        Path b = Files.writeString(dir.resolve("v2.json"), v2);
        Run r = run("stix", a.toString(), b.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode bundle = JSON.readTree(r.out());
        assertThat(StixSchemas.bundleViolations(bundle)).isEmpty();
        List<JsonNode> reports = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asString().equals("report")) {
                reports.add(o);
            }
        });
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("id")).isEqualTo(reports.get(1).get("id"));
        assertThat(reports.get(1).get("created").asString()).isEqualTo("2026-11-20T14:03:00.000Z");
        assertThat(reports.get(1).get("modified").asString()).isEqualTo("2026-11-20T16:00:00.000Z");
    }

    @Test
    void anInvalidAlertIsRefusedFieldByField() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
            {"kind":"SEIZURE","priority":"URGENT","occurredOn":"2026-11-20","summary":"x",
             "substances":[{"name":"heroin","category":"OPIATE"}],"route":{"eventCountry":"XX"},
             "handling":{"tlp":"AMBER","handlingCode":"H1"}}""");
        Run r = run("stix", "--agency", "tj-drug-control", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("route.eventCountry");
    }
}
