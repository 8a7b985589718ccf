package org.corridor.broker;

import java.util.HashMap;
import java.util.Map;

/**
 * A secured broker: clients authenticate with SASL/SCRAM-SHA-512 on the client listener, the broker talks to itself
 * and to its controller over SASL/PLAIN listeners bound to the host (user {@value #BROKER_USER}), and the KRaft
 * {@code StandardAuthorizer} denies whatever no ACL allows. Super users: {@value #BROKER_USER} and
 * {@value #ADMIN_USER}. SCRAM credentials live in the cluster metadata; the super user creates them.
 *
 * @param brokerPassword the password of the broker's own PLAIN user; never logged
 */
public record BrokerSecurity(String brokerPassword) {

    public static final String BROKER_USER = "broker";
    public static final String ADMIN_USER = "admin";
    public static final String CLIENT_MECHANISM = "SCRAM-SHA-512";
    public static final String INTERNAL_LISTENER = "INTERNAL";
    public static final String CLIENT_LISTENER = "CLIENT";

    public BrokerSecurity {
        if (brokerPassword == null || brokerPassword.length() < 16) {
            throw new IllegalArgumentException("the broker password must have at least 16 characters");
        }
    }

    /** Server properties replacing the plaintext listeners of {@link KRaftNodeConfig}. */
    public Map<String, String> serverProperties(String host, int port, int internalPort, int controllerPort) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\";";
        Map<String, String> p = new HashMap<>();
        p.put("listeners", CLIENT_LISTENER + "://" + host + ":" + port + "," + INTERNAL_LISTENER + "://" + host + ":"
                + internalPort + "," + KRaftNodeConfig.CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + port + "," + INTERNAL_LISTENER + "://" + host
                + ":" + internalPort);
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + INTERNAL_LISTENER
                + ":SASL_PLAINTEXT," + KRaftNodeConfig.CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", INTERNAL_LISTENER);
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.client.sasl.enabled.mechanisms", CLIENT_MECHANISM);
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.internal.plain.sasl.jaas.config", plain);
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", plain);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + BROKER_USER + ";User:" + ADMIN_USER);
        return p;
    }

    /** Client settings of the broker's super user on the internal listener, to create SCRAM users and ACLs. */
    public Map<String, Object> superUserClient(String internalBootstrapServers) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", internalBootstrapServers);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + BROKER_USER + "\" password=\"" + brokerPassword + "\";");
        return p;
    }

    /** Hides the password from logs and exception texts. */
    @Override
    public String toString() {
        return "BrokerSecurity[SASL/SCRAM-SHA-512 clients, StandardAuthorizer]";
    }
}
