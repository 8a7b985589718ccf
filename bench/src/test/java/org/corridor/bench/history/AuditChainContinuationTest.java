package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.audit.BrokenLink;
import org.corridor.support.audit.ChainWalk;
import org.corridor.support.audit.DecisionHash;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.junit.jupiter.api.Test;

/** The history's decisions continue each partition's chain as `./corridor audit verify` walks it. */
class AuditChainContinuationTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final AvroSerializer<RoutingDecision> avro = new AvroSerializer<>(registry, Map.of(), false);
    private final AvroDeserializer<RoutingDecision> reader = Serdes.reader(registry, RoutingDecision.class);

    @Test
    void continuesTheChainTheRouterBeganOnEachPartition() {
        List<byte[]> routed = routed(3);
        AuditChainContinuation chain = new AuditChainContinuation(Map.of(0, DecisionHash.of(routed.get(2))), this::encode);
        List<byte[]> partition0 = new ArrayList<>(routed);
        List<byte[]> partition1 = new ArrayList<>();
        RoutingDecision reused = decision(null);
        for (int i = 0; i < 5; i++) {
            reused.setAlertId(UUID.randomUUID());
            partition0.add(chain.append(0, reused));
            partition1.add(chain.append(1, reused));
        }
        assertThat(walk(partition0)).isNull();
        assertThat(walk(partition1)).isNull();
        assertThat(chain.head(0)).isEqualTo(DecisionHash.of(partition0.get(partition0.size() - 1)));
        assertThat(chain.head(1)).isEqualTo(DecisionHash.of(partition1.get(partition1.size() - 1)));
    }

    @Test
    void aHistoryThatIgnoredTheLogsHeadBreaksTheChainWhereItBegins() {
        List<byte[]> routed = routed(3);
        AuditChainContinuation fromNothing = new AuditChainContinuation(new HashMap<>(), this::encode);
        List<byte[]> partition = new ArrayList<>(routed);
        partition.add(fromNothing.append(0, decision(null)));
        partition.add(fromNothing.append(0, decision(null)));
        BrokenLink broken = walk(partition);
        assertThat(broken).isNotNull();
        assertThat(broken.offset()).isEqualTo(3);
    }

    /** Decisions as the router writes them: the first names nothing, each next one its predecessor. */
    private List<byte[]> routed(int n) {
        List<byte[]> values = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < n; i++) {
            byte[] v = encode(decision(previous));
            values.add(v);
            previous = DecisionHash.of(v);
        }
        return values;
    }

    private BrokenLink walk(List<byte[]> values) {
        ChainWalk walk = new ChainWalk();
        for (int offset = 0; offset < values.size(); offset++) {
            byte[] v = values.get(offset);
            walk.next(offset, v, reader.deserialize("alerts.audit", v).getPreviousDecisionSha256());
        }
        return walk.broken();
    }

    private byte[] encode(RoutingDecision d) {
        return avro.serialize("alerts.audit", d);
    }

    private static RoutingDecision decision(String previous) {
        return new RoutingDecision(UUID.randomUUID(), 1, "kz-customs", List.of("INCB"), List.of(), List.of("r1"),
                Instant.parse("2025-01-01T00:00:00Z"), AlertTemplates.INSTANCE, null, null, previous, null);
    }
}
