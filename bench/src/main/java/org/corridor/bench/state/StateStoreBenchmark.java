package org.corridor.bench.state;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.corridor.support.state.StateStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What keeping a view on disk costs per alert, against the heap map it replaced, in the same run: a lookup of a known
 * id, of an id never seen (the common case: a new alert), and an update (read, change, write), over {@code keys}
 * alert ids with values the size of a router's history record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateStoreBenchmark {

    /** A typical alerts.recipients value (HistoryCodec's format). */
    private static final byte[] VALUE = ("{\"format\":1,\"owner\":\"kz-customs\",\"version\":2,\"markings\":{\"tlp\":\"AMBER\","
            + "\"handlingCode\":\"H0\",\"handlingRestriction\":null,\"addressedTo\":[],\"releasableTo\":null,"
            + "\"notReleasableTo\":[\"CSTO\"]},\"recipients\":[\"CARICC\",\"INCB\",\"PARIS_PACT\",\"SCO\"]}")
            .getBytes(StandardCharsets.UTF_8);

    @Param("200000")
    public int keys;

    private StateStore store;
    private final Map<String, byte[]> map = new ConcurrentHashMap<>();
    private String[] known;
    private String[] unknown;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        store = StateStore.temporary("bench");
        known = new String[keys];
        unknown = new String[4096];
        for (int i = 0; i < keys; i++) {
            known[i] = new UUID(0x5eed, i).toString();
            store.put(known[i], VALUE);
            map.put(known[i], VALUE);
        }
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = UUID.randomUUID().toString();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private String nextKnown() {
        next = (next + 7919) % keys;
        return known[next];
    }

    @Benchmark
    public byte[] heapMapKnownId() {
        return map.get(nextKnown());
    }

    @Benchmark
    public byte[] storeKnownId() {
        return store.get(nextKnown());
    }

    @Benchmark
    public byte[] storeNewId() {
        next = (next + 1) & (unknown.length - 1);
        return store.get(unknown[next]);
    }

    @Benchmark
    public byte[] storeUpdate() {
        return store.update(nextKnown(), old -> VALUE);
    }
}
