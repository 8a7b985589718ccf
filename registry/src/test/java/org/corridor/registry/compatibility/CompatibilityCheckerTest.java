package org.corridor.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.corridor.registry.compatibility.CompatibilityChecker.Version;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[" + fields + "]}");
    }

    private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema OPTIONAL_ADDED = record("{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final Schema REQUIRED_ADDED = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
    private static final Schema A_REMOVED = record("{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");

    private static List<String> check(CompatibilityLevel level, Schema candidate, Schema... earlier) {
        List<Version> versions = new java.util.ArrayList<>();
        for (int i = 0; i < earlier.length; i++) {
            versions.add(new Version(i + 1, earlier[i]));
        }
        return CompatibilityChecker.check(level, candidate, versions);
    }

    @Test
    void optionalFieldIsFullyCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(check(level, OPTIONAL_ADDED, V1)).as(level.name()).isEmpty();
        }
    }

    @Test
    void requiredFieldBreaksBackwardButNotForward() {
        assertThat(check(CompatibilityLevel.BACKWARD, REQUIRED_ADDED, V1)).singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("the new schema cannot read data written with version 1");
        assertThat(check(CompatibilityLevel.FORWARD, REQUIRED_ADDED, V1)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, REQUIRED_ADDED, V1)).hasSize(1);
        assertThat(check(CompatibilityLevel.NONE, REQUIRED_ADDED, V1)).isEmpty();
    }

    @Test
    void removingARequiredFieldBreaksForward() {
        assertThat(check(CompatibilityLevel.BACKWARD, A_REMOVED, V1)).isEmpty();
        assertThat(check(CompatibilityLevel.FORWARD, A_REMOVED, V1)).singleElement().asString()
                .contains("version 1 cannot read data written with the new schema");
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        // v1 -> v2 (a, optional b) -> candidate drops a: fine against v2 only, not against v1, forward-wise.
        Schema v2 = OPTIONAL_ADDED;
        assertThat(check(CompatibilityLevel.FORWARD, A_REMOVED, V1, v2)).hasSize(1);
        Schema bOnlyWithDefaultA = record("{\"name\":\"a\",\"type\":\"string\",\"default\":\"x\"},"
                + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
        assertThat(check(CompatibilityLevel.BACKWARD, bOnlyWithDefaultA, REQUIRED_ADDED, V1)).isEmpty();
        Schema intA = record("{\"name\":\"a\",\"type\":\"int\"}");
        Schema stringA = record("{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}");
        // BACKWARD only looks at the latest version (stringA), whose data V1 reads...
        assertThat(check(CompatibilityLevel.BACKWARD, V1, intA, stringA)).isEmpty();
        // ...but BACKWARD_TRANSITIVE also checks intA, which V1 (string) cannot read.
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, V1, intA, stringA)).hasSize(1);
    }

    @Test
    void levelsParseCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
        assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    }
}
