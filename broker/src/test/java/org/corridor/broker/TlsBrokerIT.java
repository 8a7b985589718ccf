package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SASL_SSL configuration of docs/security.md, with certificates made by ops/tls/make-certs.sh: a client that
 * trusts the Corridor CA authenticates with SCRAM over TLS; one that does not trust it cannot connect.
 */
class TlsBrokerIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path tls;

    @Test
    void scramOverTlsWithTheScriptsCertificates() throws Exception {
        Process script = new ProcessBuilder("bash", Path.of("..", "ops", "tls", "make-certs.sh").toString(), tls.toString(), "localhost")
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes());
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        String password = Files.readString(tls.resolve("store-password")).trim();

        Map<String, String> server = new HashMap<>();
        server.put("listener.security.protocol.map", "CLIENT:SASL_SSL,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        server.put("listener.name.client.ssl.keystore.location", tls.resolve("localhost.p12").toString());
        server.put("listener.name.client.ssl.keystore.password", password);
        server.put("listener.name.client.ssl.keystore.type", "PKCS12");
        server.put("listener.name.client.ssl.truststore.location", tls.resolve("truststore.p12").toString());
        server.put("listener.name.client.ssl.truststore.password", password);
        server.put("listener.name.client.ssl.truststore.type", "PKCS12");
        BrokerSecurity security = new BrokerSecurity("broker-secret-0123456789");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.secured(dataDir, 0, server, security).start(Duration.ofSeconds(60));
             Admin admin = Admin.create(broker.superUserClient())) {
            admin.createTopics(List.of(new NewTopic("tls", 1, (short) 1))).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("agency-x",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "agency-x-password"))).all().get();
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "tls", PatternType.LITERAL),
                    new AccessControlEntry("User:agency-x", "*", AclOperation.WRITE, AclPermissionType.ALLOW)))).all().get();

            Map<String, Object> client = new HashMap<>();
            client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            client.put("security.protocol", "SASL_SSL");
            client.put("sasl.mechanism", "SCRAM-SHA-512");
            client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"agency-x\" password=\"agency-x-password\";");
            Map<String, Object> trusting = new HashMap<>(client);
            trusting.put("ssl.truststore.location", tls.resolve("truststore.p12").toString());
            trusting.put("ssl.truststore.password", password);
            trusting.put("ssl.truststore.type", "PKCS12");
            try (KafkaProducer<String, String> p = new KafkaProducer<>(trusting, new StringSerializer(), new StringSerializer())) {
                assertThat(p.send(new ProducerRecord<>("tls", "k", "v")).get().offset()).isZero();
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> p.send(new ProducerRecord<>("tls", "k", "v")).get())
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SslAuthenticationException.class);
            }
        }
    }
}
