package org.corridor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapProbeTest {

    @Test
    void readsTheLiveBytesFromTheHistogramsTotal() throws Exception {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        205929      170602872  [B (java.base@17.0.15)
                   2:        197160        4731840  java.lang.String (java.base@17.0.15)
                Total       2826604      233937305
                """;
        assertThat(HeapProbe.liveMiB(histogram)).isEqualTo(233937305 / 1048576.0);
    }

    @Test
    void anAnswerWithoutATotalIsAnError() {
        assertThatThrownBy(() -> HeapProbe.liveMiB("12345:\nCommand executed successfully\n"))
                .hasMessageContaining("did not report a total");
    }
}
