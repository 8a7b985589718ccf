package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.RepeatedTest;

class FreePortsTest {

    /** Separate free-port calls may return the same port twice (a broker then refuses two listeners on one port). */
    @RepeatedTest(50)
    void portsAskedForTogetherAreDistinct() {
        int[] ports = EmbeddedKafkaBroker.freePorts(9);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(9);
        assertThat(Arrays.stream(ports).allMatch(p -> p > 0 && p < 65536)).isTrue();
    }
}
