package org.corridor.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The server properties of one combined-mode KRaft node (broker and controller in one process), derived from a
 * few choices. Pure: builds properties, starts nothing.
 *
 * @param nodeId        the node id, also its controller voter id
 * @param host          host name the listeners bind to and advertise
 * @param port          client listener port
 * @param controllerPort controller listener port
 * @param logDir        the node's log directory (metadata log included)
 * @param overrides     extra or replacing server properties, applied last
 */
public record KRaftNodeConfig(int nodeId, String host, int port, int controllerPort, Path logDir,
                              Map<String, String> overrides) {

    /** Name of the controller listener. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    public KRaftNodeConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logDir, "logDir");
        overrides = Map.copyOf(overrides);
        if (port <= 0 || controllerPort <= 0) {
            throw new IllegalArgumentException("ports must be chosen before building the config, got port=" + port
                    + " controllerPort=" + controllerPort);
        }
    }

    /** Like the record's, with the values of secret-bearing overrides (JAAS configs, passwords) hidden. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        overrides.forEach((k, v) -> shown.put(k, k.contains("jaas") || k.contains("password") ? "[hidden]" : v));
        return "KRaftNodeConfig[nodeId=" + nodeId + ", host=" + host + ", port=" + port + ", controllerPort="
                + controllerPort + ", logDir=" + logDir + ", overrides=" + shown + "]";
    }

    /** The voter entry of this node, {@code id@host:controllerPort}. */
    public String voter() {
        return nodeId + "@" + host + ":" + controllerPort;
    }

    /** {@code host:port} of the client listener. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /**
     * @param quorumVoters comma-separated voters of the whole cluster ({@link #voter()} of each node)
     * @param replication  replication factor of Kafka's internal topics (1 for a single node)
     */
    public Properties toProperties(String quorumVoters, int replication) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", quorumVoters);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        String rf = Integer.toString(replication);
        String minIsr = Integer.toString(Math.min(2, replication));
        p.put("offsets.topic.replication.factor", rf);
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", rf);
        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }
}
