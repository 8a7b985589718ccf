package org.corridor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SinkLinesTest {

    @Test
    void aLineCountsOnlyOnceItsNewlineArrived() {
        SinkLines lines = new SinkLines();
        byte[] first = "{\"a\":1}\n{\"b\":".getBytes(StandardCharsets.UTF_8);
        assertThat(lines.append(first, first.length)).containsExactly("{\"a\":1}");
        byte[] second = "2}\n{\"c\":3}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(lines.append(second, second.length)).containsExactly("{\"b\":2}", "{\"c\":3}");
        assertThat(lines.append(new byte[0], 0)).isEmpty();
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsRead() {
        SinkLines lines = new SinkLines();
        byte[] buffer = "x\ny\nstale bytes\n".getBytes(StandardCharsets.UTF_8);
        assertThat(lines.append(buffer, 4)).containsExactly("x", "y");
    }

    @Test
    void theAlertIdIsTheIdempotencyKeysMiddle() {
        assertThat(SinkLines.alertId("{\"alertId\":\"x\",\"idempotencyKey\":\"kz-customs:6f1c-11:3\",\"traceId\":\"t\"}"))
                .isEqualTo("6f1c-11");
        assertThat(SinkLines.alertId("{\"idempotencyKey\":\"6f1c-11:3\"}")).isEqualTo("6f1c-11");
        assertThat(SinkLines.alertId("{\"alertId\":\"x\"}")).isNull();
    }
}
