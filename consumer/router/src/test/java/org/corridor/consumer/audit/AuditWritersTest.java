package org.corridor.consumer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** One writer per audit partition, whatever two instances are given. */
class AuditWritersTest {

    private static final Map<String, Integer> THREE_WIDE = Map.of("alerts.in.a", 3, "alerts.in.b", 3);

    /** What the range assignor gives the member at {@code index} of {@code members}: the same range of every topic. */
    private static Map<String, Set<Integer>> range(Map<String, Integer> topics, int index, int members) {
        Map<String, Set<Integer>> assigned = new HashMap<>();
        topics.forEach((topic, width) -> {
            int per = width / members;
            int extra = width % members;
            int from = index * per + Math.min(index, extra);
            int to = from + per + (index < extra ? 1 : 0);
            Set<Integer> parts = new TreeSet<>();
            for (int p = from; p < to; p++) {
                parts.add(p);
            }
            assigned.put(topic, parts);
        });
        return assigned;
    }

    private static Set<Integer> writable(AuditWriters w) {
        Set<Integer> out = new TreeSet<>();
        for (int a = 0; a < w.auditPartitions(); a++) {
            if (w.mayWrite(a)) {
                out.add(a);
            }
        }
        return out;
    }

    @Test
    void oneInstanceWritesEveryPartitionItsRecordsMapTo() {
        AuditWriters w = AuditWriters.of(3, THREE_WIDE, range(THREE_WIDE, 0, 1));
        assertThat(writable(w)).containsExactly(0, 1, 2);
        assertThat(w.target(2)).isEqualTo(2);
    }

    @Test
    void withTheRangeAssignorEachAuditPartitionHasExactlyOneWriter() {
        for (int members = 1; members <= 5; members++) {
            for (int auditWidth = 3; auditWidth <= 6; auditWidth++) {
                int[] writers = new int[auditWidth];
                for (int m = 0; m < members; m++) {
                    AuditWriters w = AuditWriters.of(auditWidth, THREE_WIDE, range(THREE_WIDE, m, members));
                    writable(w).forEach(a -> writers[a]++);
                    for (int p : range(THREE_WIDE, m, members).get("alerts.in.a")) {
                        assertThat(w.target(p)).as("the preferred partition is writable").isEqualTo(p % auditWidth);
                    }
                }
                for (int a = 0; a < 3; a++) {
                    assertThat(writers[a]).as("%d members, audit %d wide, partition %d", members, auditWidth, a).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aTopicOnlyOneInstanceKnowsYetSendsItsDecisionsToAPartitionThatInstanceAloneWrites() {
        // b is new: instance 1 sees it and is given all of it; instance 0 does not know it yet.
        Map<String, Integer> known1 = THREE_WIDE;
        Map<String, Set<Integer>> assigned1 = Map.of("alerts.in.a", Set.of(2), "alerts.in.b", Set.of(0, 1, 2));
        AuditWriters w1 = AuditWriters.of(3, known1, assigned1);
        AuditWriters w0 = AuditWriters.of(3, Map.of("alerts.in.a", 3), Map.of("alerts.in.a", Set.of(0, 1)));
        assertThat(writable(w0)).containsExactly(0, 1);
        assertThat(writable(w1)).containsExactly(2);
        assertThat(w1.target(0)).as("b's partition 0 maps to 0, which a's partition 0 also feeds").isEqualTo(2);
        assertThat(w1.whyNot(0)).isEqualTo("alerts.in.a partition 0 maps to it and is not assigned to this instance");
    }

    @Test
    void aTopicWiderThanTheAuditLeavesTwoInstancesNothingToWriteAlone() {
        Map<String, Integer> topics = Map.of("alerts.in.a", 3, "alerts.in.wide", 6);
        AuditWriters w0 = AuditWriters.of(3, topics, range(topics, 0, 2));
        AuditWriters w1 = AuditWriters.of(3, topics, range(topics, 1, 2));
        assertThat(writable(w0)).isEmpty();
        assertThat(writable(w1)).isEmpty();
        assertThatThrownBy(() -> w0.target(0)).isInstanceOf(AuditNotOwnedException.class)
                .hasMessageContaining("alerts.audit partition 0: alerts.in.wide partition 3 maps to it");
        assertThat(AuditWriters.widthProblems(3, topics)).containsExactly(
                "inbound topics have different partition counts: alerts.in.wide has 6; the other 1 have 3",
                "alerts.in.wide have 6 partitions, more than alerts.audit's 3");
    }

    @Test
    void theWarningNamesOnlyTheTopicsOfAnUnusualWidth() {
        Map<String, Integer> topics = Map.of("alerts.in.a", 3, "alerts.in.b", 3, "alerts.in.c", 3, "alerts.in.one", 1);
        assertThat(AuditWriters.widthProblems(3, topics))
                .containsExactly("inbound topics have different partition counts: alerts.in.one has 1; the other 3 have 3");
    }

    @Test
    void anAuditPartitionNothingHeldMapsToIsNotWritable() {
        AuditWriters w = AuditWriters.of(6, THREE_WIDE, range(THREE_WIDE, 0, 1));
        assertThat(writable(w)).containsExactly(0, 1, 2);
        assertThat(w.whyNot(4)).isEqualTo("no inbound partition assigned to this instance maps to it");
        assertThat(AuditWriters.widthProblems(6, THREE_WIDE)).isEmpty();
    }

    @Test
    void anAuditWithoutPartitionsIsRefused() {
        assertThatThrownBy(() -> AuditWriters.of(0, THREE_WIDE, Map.of())).hasMessage("auditPartitions: 0 must be at least 1");
    }
}
