package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlacementsTest {

    @Test
    void versionsAndOffsetsComeBackInLogOrder() {
        List<PartitionScan.Placed> placed = List.of(new PartitionScan.Placed(1, 0), new PartitionScan.Placed(0, 7),
                new PartitionScan.Placed(2, Long.MAX_VALUE - 1), new PartitionScan.Placed(Integer.MAX_VALUE, 3));
        assertThat(Placements.decode(Placements.encode(placed))).containsExactlyElementsOf(placed);
        assertThat(Placements.encode(placed)).hasSize(4 * 12);
    }

    @Test
    void aRecordReadAgainIsKeptOnce() {
        byte[] one = Placements.with(null, new PartitionScan.Placed(1, 40));
        byte[] two = Placements.with(one, new PartitionScan.Placed(2, 52));
        assertThat(Placements.with(two, new PartitionScan.Placed(2, 52))).isSameAs(two);
        assertThat(Placements.with(two, new PartitionScan.Placed(1, 40))).isSameAs(two);
        assertThat(Placements.decode(two)).containsExactly(new PartitionScan.Placed(1, 40), new PartitionScan.Placed(2, 52));
    }

    @Test
    void bytesThatAreNotPlacementsAreRefused() {
        assertThatThrownBy(() -> Placements.decode(new byte[13])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not placements: 13 bytes, not a multiple of 12");
    }
}
