package org.corridor.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the log records, as Confluent's Schema Registry writes its {@code _schemas} topic: a registry
 * reading a topic Confluent wrote, or Confluent reading ours, depends on them, and compaction depends on the same key
 * always being the same bytes.
 */
class LogFormatTest {

    /** Slashes unescaped, non-ASCII and U+2028 as they are, quotes, backslashes and control characters escaped. */
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"A\",\"doc\":\"https://x/y é\u2028\u0001\\\\\","
            + "\"fields\":[]}";

    @Test
    void schemaRecordsAreConfluentsBytes() {
        assertThat(LogFormat.schemaKey("a/b-value", 3))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a/b-value\",\"version\":3,\"magic\":1}");
        assertThat(LogFormat.schemaValue(new StoredVersion("a/b-value", 3, 7, SCHEMA, true)))
                .isEqualTo("{\"subject\":\"a/b-value\",\"version\":3,\"id\":7,\"schema\":"
                        + "\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"A\\\",\\\"doc\\\":\\\"https://x/y é\u2028\\u0001"
                        + "\\\\\\\\\\\",\\\"fields\\\":[]}\",\"deleted\":true}");
    }

    @Test
    void configModeAndWatermarkRecordsAreConfluentsBytes() {
        assertThat(LogFormat.configKey(null)).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(LogFormat.configKey("a-value")).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"a-value\",\"magic\":0}");
        assertThat(LogFormat.configValue("FULL_TRANSITIVE")).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(LogFormat.modeKey(null)).isEqualTo("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}");
        assertThat(LogFormat.modeValue("READONLY")).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(LogFormat.watermarkKey()).isEqualTo("{\"keytype\":\"ID_WATERMARK\",\"magic\":0}");
        assertThat(LogFormat.watermarkValue(42)).isEqualTo("{\"maxId\":42}");
    }

    @Test
    void recordsReadBackAsTheyWereWritten() {
        RegistryState state = new RegistryState();
        state.apply(new LogRecord(LogFormat.schemaKey("a/b-value", 3),
                LogFormat.schemaValue(new StoredVersion("a/b-value", 3, 7, SCHEMA, false))));
        state.apply(new LogRecord(LogFormat.watermarkKey(), LogFormat.watermarkValue(41)));
        assertThat(state.versions("a/b-value", false)).containsExactly(new StoredVersion("a/b-value", 3, 7, SCHEMA, false));
        assertThat(state.schemaById(7)).contains(SCHEMA);
    }
}
