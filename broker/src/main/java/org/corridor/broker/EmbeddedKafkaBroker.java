package org.corridor.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka KRaft node (broker and controller) in this JVM. The storage is formatted on first start and kept
 * across restarts when the data directory is kept. Not thread-safe: start and close from one thread.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KRaftNodeConfig config;
    private final String quorumVoters;
    private final int replication;
    private final BrokerSecurity security;
    private final String internalBootstrap;
    private KafkaRaftServer server;

    EmbeddedKafkaBroker(KRaftNodeConfig config, String quorumVoters, int replication) {
        this(config, quorumVoters, replication, null, null);
    }

    EmbeddedKafkaBroker(KRaftNodeConfig config, String quorumVoters, int replication, BrokerSecurity security,
                        String internalBootstrap) {
        this.config = config;
        this.quorumVoters = quorumVoters;
        this.replication = replication;
        this.security = security;
        this.internalBootstrap = internalBootstrap;
    }

    /** A single-node broker on the given data directory; port 0 picks a free port. */
    public static EmbeddedKafkaBroker singleNode(Path dataDir, int port, Map<String, String> overrides) {
        int[] free = freePorts(2);
        KRaftNodeConfig config = new KRaftNodeConfig(1, "localhost", port == 0 ? free[0] : port, free[1],
                dataDir.resolve("kraft"), overrides);
        return new EmbeddedKafkaBroker(config, config.voter(), 1);
    }

    /**
     * A single-node broker that requires SASL/SCRAM-SHA-512 from clients and authorizes with ACLs; see
     * {@link BrokerSecurity}. Port 0 picks a free port.
     */
    public static EmbeddedKafkaBroker secured(Path dataDir, int port, Map<String, String> overrides, BrokerSecurity security) {
        int[] free = freePorts(3);
        int clientPort = port == 0 ? free[0] : port;
        int controllerPort = free[1];
        int internalPort = free[2];
        Map<String, String> all = new HashMap<>(security.serverProperties("localhost", clientPort, internalPort, controllerPort));
        all.putAll(overrides);
        KRaftNodeConfig config = new KRaftNodeConfig(1, "localhost", clientPort, controllerPort, dataDir.resolve("kraft"), all);
        return new EmbeddedKafkaBroker(config, config.voter(), 1, security, "localhost:" + internalPort);
    }

    /**
     * Client settings with which the broker's own super user reaches it (the internal listener of a secured broker,
     * the client listener of a plaintext one): for creating users, ACLs and topics.
     */
    public Map<String, Object> superUserClient() {
        return security == null ? new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))
                : security.superUserClient(internalBootstrap);
    }

    /** The internal listener of a secured broker; the client listener of a plaintext one. */
    public String internalBootstrapServers() {
        return internalBootstrap == null ? bootstrapServers() : internalBootstrap;
    }

    /** Formats the storage if it is new, starts the server and waits until it answers clients. */
    public EmbeddedKafkaBroker start(Duration readyTimeout) {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        Properties props = config.toProperties(quorumVoters, replication);
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(props, false);
        format();
        FatalStop.register(config.logDir());
        KafkaRaftServer raftServer = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        awaitReady(readyTimeout);
        log.info("Kafka broker {} ready on {} (data {})", config.nodeId(), bootstrapServers(), config.logDir());
        return this;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public KRaftNodeConfig config() {
        return config;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops the server and waits for it; the data directory is left as it is. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    private void format() {
        try {
            Files.createDirectories(config.logDir());
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId())
                    .setIgnoreFormatted(true)
                    .setControllerListenerName(KRaftNodeConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.logDir().toAbsolutePath().toString());
            formatter.addDirectory(config.logDir().toAbsolutePath().toString());
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + config.logDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cluster id: read from a file beside the log directory when the storage was formatted before, so that
     * every node of a cluster and every restart agrees; otherwise a new random id.
     */
    private String clusterId() throws IOException {
        Path idFile = config.logDir().getParent().resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> adminProps = superUserClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminProps)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    last = notYet;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
                pause();
            }
            close();
            throw new IllegalStateException("Kafka broker on " + bootstrapServers()
                    + " did not become ready within " + timeout, last);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** A port free at the time of the call. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /**
     * {@code count} distinct ports free at the time of the call. All are held open together before any is released,
     * so the system cannot hand the same port out twice (as separate {@link #freePort()} calls may).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("localhost", 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way once the socket is gone
                }
            }
        }
    }
}
