package org.corridor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapProbeTest {

    @Test
    void readsTheHeapInUseFromG1sHeapInfo() throws Exception {
        String g1 = """
                12345:
                 garbage-first heap   total 2097152K, used 345600K [0x0000000080000000, 0x0000000100000000)
                  region size 1024K, 2 young (2048K), 0 survivors (0K)
                 Metaspace       used 123456K, committed 124000K, reserved 1179648K
                """;
        assertThat(HeapProbe.usedMiB(g1)).isEqualTo(337.5);
    }

    @Test
    void anAnswerWithoutTheHeapIsAnError() {
        assertThatThrownBy(() -> HeapProbe.usedMiB("12345:\nCommand executed successfully\n"))
                .hasMessageContaining("did not report the heap in use");
    }
}
