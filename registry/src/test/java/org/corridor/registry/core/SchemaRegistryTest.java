package org.corridor.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.corridor.registry.compatibility.CompatibilityLevel;
import org.junit.jupiter.api.Test;

/** The registry's rules on an in-memory log; the same rules run on Kafka in the ITs. */
class SchemaRegistryTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    static final String OTHER = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";

    private final RegistryState state = new RegistryState();
    private final InMemorySchemaLog log = new InMemorySchemaLog(state);
    private final SchemaRegistry registry = new SchemaRegistry(state, log);

    private static RegistryException error(Runnable call) {
        try {
            call.run();
        } catch (RegistryException e) {
            return e;
        }
        throw new AssertionError("expected a RegistryException");
    }

    @Test
    void sameSchemaSameIdUnderEverySubject() {
        int a = registry.register("a-value", V1, null);
        int b = registry.register("b-value", V1, "AVRO");
        assertThat(a).isEqualTo(b).isEqualTo(1);
        assertThat(registry.register("a-value", V1, null)).isEqualTo(1);
        assertThat(registry.versions("a-value", false)).containsExactly(1);
        assertThat(registry.register("a-value", V2, null)).isEqualTo(2);
        assertThat(registry.versions("a-value", false)).containsExactly(1, 2);
    }

    @Test
    void whitespaceDoesNotMakeANewSchema() {
        int id = registry.register("a-value", V1, null);
        assertThat(registry.register("a-value", V1.replace(",", " ,\n "), null)).isEqualTo(id);
    }

    @Test
    void idsKeepGrowingAfterPermanentDeleteAndCompaction() {
        registry.register("a-value", V1, null);
        registry.register("b-value", OTHER, null);
        registry.deleteSubject("b-value", false);
        registry.deleteSubject("b-value", true);
        RegistryState rebuilt = new RegistryState();
        log.compacted().forEach(rebuilt::apply);
        SchemaRegistry afterRestart = new SchemaRegistry(rebuilt, new InMemorySchemaLog(rebuilt));
        assertThat(afterRestart.register("c-value", V2, null)).isEqualTo(3);
        assertThat(error(() -> afterRestart.schemaById(2)).errorCode()).isEqualTo(40403);
    }

    @Test
    void stateRebuiltFromTheLogIsTheSame() {
        registry.register("a-value", V1, null);
        registry.register("a-value", V2, null);
        registry.setLevel("a-value", "full");
        registry.deleteVersion("a-value", "1", false);
        RegistryState rebuilt = new RegistryState();
        log.compacted().forEach(rebuilt::apply);
        SchemaRegistry again = new SchemaRegistry(rebuilt, new InMemorySchemaLog(rebuilt));
        assertThat(again.versions("a-value", false)).containsExactly(2);
        assertThat(again.versions("a-value", true)).containsExactly(1, 2);
        assertThat(again.level("a-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(again.version("a-value", "latest", false).id()).isEqualTo(2);
    }

    @Test
    void versionNumbersContinueAfterSoftDelete() {
        registry.register("a-value", V1, null);
        registry.deleteSubject("a-value", false);
        registry.register("a-value", V2, null);
        assertThat(registry.versions("a-value", false)).containsExactly(2);
    }

    @Test
    void incompatibleSchemaIsRefusedWith409() {
        registry.register("a-value", V1, null);
        String required = V1.replace("]}", ",{\"name\":\"c\",\"type\":\"int\"}]}");
        RegistryException e = error(() -> registry.register("a-value", required, null));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'c'");
        registry.setLevel("a-value", "NONE");
        assertThat(registry.register("a-value", required, null)).isEqualTo(2);
    }

    @Test
    void readOnlyModeRefusesWrites() {
        registry.setMode(null, "READONLY");
        assertThat(error(() -> registry.register("a-value", V1, null)).errorCode()).isEqualTo(42205);
        registry.setMode(null, "READWRITE");
        registry.setMode("a-value", "READONLY");
        assertThat(error(() -> registry.register("a-value", V1, null)).errorCode()).isEqualTo(42205);
        assertThat(registry.register("b-value", V1, null)).isEqualTo(1);
    }

    @Test
    void errorsCarryConfluentCodes() {
        assertThat(error(() -> registry.versions("nope", false)).errorCode()).isEqualTo(40401);
        registry.register("a-value", V1, null);
        assertThat(error(() -> registry.version("a-value", "7", false)).errorCode()).isEqualTo(40402);
        assertThat(error(() -> registry.lookup("a-value", OTHER, null, false)).errorCode()).isEqualTo(40403);
        assertThat(error(() -> registry.version("a-value", "0", false)).errorCode()).isEqualTo(42202);
        assertThat(error(() -> registry.register("a-value", "{not json", null)).errorCode()).isEqualTo(42201);
        assertThat(error(() -> registry.register("a-value", V1, "PROTOBUF")).errorCode()).isEqualTo(42201);
        assertThat(error(() -> registry.setLevel(null, "SIDEWAYS")).errorCode()).isEqualTo(42203);
        assertThat(error(() -> registry.setMode(null, "WRITEONLY")).errorCode()).isEqualTo(42204);
        assertThat(error(() -> registry.deleteLevel("a-value")).errorCode()).isEqualTo(40408);
        assertThat(error(() -> registry.deleteMode("a-value")).errorCode()).isEqualTo(40409);
        assertThat(error(() -> registry.deleteSubject("a-value", true)).errorCode()).isEqualTo(40405);
        assertThat(error(() -> registry.deleteVersion("a-value", "1", true)).errorCode()).isEqualTo(40407);
        registry.deleteVersion("a-value", "1", false);
        assertThat(error(() -> registry.deleteVersion("a-value", "1", false)).errorCode()).isEqualTo(40406);
        assertThat(error(() -> registry.deleteSubject("a-value", false)).errorCode()).isEqualTo(40404);
    }

    @Test
    void invalidDefaultIsAnInvalidSchema() {
        String badDefault = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
        assertThatThrownBy(() -> registry.register("a-value", badDefault, null))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201))
                .hasMessageStartingWith("Invalid schema: ");
    }
}
