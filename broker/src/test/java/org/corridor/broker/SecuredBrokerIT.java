package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured broker: SCRAM users, ACLs enforced by the StandardAuthorizer, wrong passwords refused. */
class SecuredBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void onlyWhatAnAclAllowsAndOnlyWithTheRightPassword() throws Exception {
        BrokerSecurity security = new BrokerSecurity("broker-secret-0123456789");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.secured(dataDir, 0, Map.of(), security).start(Duration.ofSeconds(60));
             Admin admin = Admin.create(broker.superUserClient())) {
            admin.createTopics(List.of(new NewTopic("allowed", 1, (short) 1), new NewTopic("forbidden", 1, (short) 1))).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("alice",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "alice-password"))).all().get();
            ResourcePattern allowed = new ResourcePattern(ResourceType.TOPIC, "allowed", PatternType.LITERAL);
            admin.createAcls(List.of(
                    new AclBinding(allowed, new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW)),
                    new AclBinding(allowed, new AccessControlEntry("User:alice", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW))))
                    .all().get();

            try (KafkaProducer<String, String> alice = producer(broker, "alice", "alice-password")) {
                assertThat(alice.send(new ProducerRecord<>("allowed", "k", "v")).get().offset()).isZero();
                assertThatThrownBy(() -> alice.send(new ProducerRecord<>("forbidden", "k", "v")).get())
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
            }
            try (KafkaProducer<String, String> intruder = producer(broker, "alice", "wrong-password")) {
                assertThatThrownBy(() -> intruder.send(new ProducerRecord<>("allowed", "k", "v")).get())
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void theBrokerPasswordNeverShowsInTheConfigText() {
        BrokerSecurity security = new BrokerSecurity("broker-secret-0123456789");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.secured(dataDir, 0, Map.of(), security);
        assertThat(broker.config().toString()).doesNotContain("broker-secret-0123456789").contains("[hidden]");
        assertThat(security.toString()).doesNotContain("broker-secret-0123456789");
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker, String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
