package org.corridor.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;

/**
 * Several real KRaft nodes (each broker and controller) in this JVM, forming one cluster with one controller quorum:
 * internal topics replicated to min(3, nodes), and by default {@code default.replication.factor} and
 * {@code min.insync.replicas} of a production cluster (3 and 2 for three nodes). Nodes can be stopped and started
 * again on their data, to test a broker's loss. Not thread-safe.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private final List<EmbeddedKafkaBroker> nodes;

    private EmbeddedKafkaCluster(List<EmbeddedKafkaBroker> nodes) {
        this.nodes = nodes;
    }

    /**
     * @param dataDir   one folder per node ({@code node-1}, ...) and the shared cluster id
     * @param size      number of nodes (3 for a production-like cluster)
     * @param overrides server properties for every node
     */
    public static EmbeddedKafkaCluster create(Path dataDir, int size, Map<String, String> overrides) {
        return create(dataDir, size, overrides, null);
    }

    /** As {@link #create(Path, int, Map)}, every node secured as {@link EmbeddedKafkaBroker#secured} (null: plaintext). */
    public static EmbeddedKafkaCluster create(Path dataDir, int size, Map<String, String> overrides, BrokerSecurity security) {
        int replication = Math.min(3, size);
        List<KRaftNodeConfig> configs = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        String clusterId = Uuid.randomUuid().toString();
        int[] free = EmbeddedKafkaBroker.freePorts(3 * size);
        for (int id = 1; id <= size; id++) {
            int port = free[3 * (id - 1)];
            int controllerPort = free[3 * (id - 1) + 1];
            int internalPort = free[3 * (id - 1) + 2];
            Map<String, String> props = new HashMap<>();
            props.put("min.insync.replicas", Integer.toString(Math.min(2, replication)));
            if (security != null) {
                props.putAll(security.serverProperties("localhost", port, internalPort, controllerPort));
            }
            props.putAll(overrides);
            Path nodeDir = dataDir.resolve("node-" + id);
            configs.add(new KRaftNodeConfig(id, "localhost", port, controllerPort, nodeDir.resolve("kraft"), props));
            internal.add("localhost:" + internalPort);
            writeClusterId(nodeDir, clusterId);
        }
        String voters = configs.stream().map(KRaftNodeConfig::voter).collect(Collectors.joining(","));
        List<EmbeddedKafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            nodes.add(new EmbeddedKafkaBroker(configs.get(i), voters, replication, security,
                    security == null ? null : internal.get(i)));
        }
        return new EmbeddedKafkaCluster(nodes);
    }

    /** Every node's internal listener (the super user's way in on a secured cluster), comma-separated. */
    public String internalBootstrapServers() {
        return nodes.stream().map(EmbeddedKafkaBroker::internalBootstrapServers).collect(Collectors.joining(","));
    }

    private static void writeClusterId(Path nodeDir, String clusterId) {
        try {
            Files.createDirectories(nodeDir);
            Path idFile = nodeDir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, clusterId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + nodeDir, e);
        }
    }

    /** Starts every node at once (a controller quorum needs a majority up) and waits until each answers. */
    public EmbeddedKafkaCluster start(Duration readyTimeout) {
        List<CompletableFuture<EmbeddedKafkaBroker>> started = nodes.stream()
                .map(n -> CompletableFuture.supplyAsync(() -> n.start(readyTimeout))).toList();
        try {
            started.forEach(CompletableFuture::join);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Every node's client listener, comma-separated. */
    public String bootstrapServers() {
        return nodes.stream().map(EmbeddedKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Node {@code id} (1-based). */
    public EmbeddedKafkaBroker node(int id) {
        return nodes.get(id - 1);
    }

    /** Stops node {@code id} (a broker loss); its data stays for {@link #startNode}. */
    public void stopNode(int id) {
        node(id).close();
    }

    /** Starts a stopped node again on its data. */
    public void startNode(int id, Duration readyTimeout) {
        node(id).start(readyTimeout);
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = nodes.stream()
                .map(n -> CompletableFuture.runAsync(n::close)).toList();
        stopping.forEach(f -> {
            try {
                f.join();
            } catch (RuntimeException e) {
                System.err.println("embedded cluster: error while stopping a node: " + e);
            }
        });
    }
}
