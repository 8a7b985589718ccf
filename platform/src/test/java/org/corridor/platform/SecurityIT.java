package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.Provisioner;
import org.corridor.platform.launch.Service;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform as ./corridor up runs it, secured by default: the broker enforces who may write and read what
 * whatever our services do (a body writes no receipt, even on a cluster where an earlier plan let it), the REST layer
 * keeps agencies apart, the demo still works end to end, and none of the
 * secrets in play appears in the logs of the run, the services' metrics pages or the errors they answer.
 */
class SecurityIT {

    @TempDir
    Path data;

    private final StringBuffer logs = new StringBuffer();
    private AppenderBase<ILoggingEvent> capture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                logs.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    logs.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
                }
            }
        };
        capture.setContext(context);
        capture.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        // Scan at least what a production run logs (INFO, Kafka's client configs included), and our own DEBUG.
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.apache.kafka", "kafka", "org.springframework")) {
            Logger l = context.getLogger(name);
            levels.put(name, l.getLevel());
            l.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        levels.put("org.corridor", context.getLogger("org.corridor").getLevel());
        context.getLogger("org.corridor").setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    private final Map<String, ch.qos.logback.classic.Level> levels = new HashMap<>();

    @AfterEach
    void stopCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void theBrokerAndTheServicesKeepPrincipalsApartAndNoSecretLeaks() throws Exception {
        List<String> answers = new ArrayList<>();
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start()) {
            assertThat(platform.secured()).isTrue();
            Path credentials = data.resolve(CredentialStore.FILE);
            assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data.resolve("client.properties"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data)).as("the data directory").isEqualTo(PosixFilePermissions.fromString("rwx------"));
            CredentialStore store = CredentialStore.open(data);
            String bootstrap = platform.bootstrapServers();

            // The demo works end to end with security on.
            Map<String, String> tokens = DemoAgencies.tokens(data);
            List<DemoScenario.Published> published = DemoScenario.publish(platform.restUrl(), tokens);
            Set<String> wanted = new LinkedHashSet<>();
            published.forEach(p -> wanted.add(p.alertId() + ":" + p.version()));
            Map<String, RoutingDecision> decisions = AuditReader.await(platform.adminClient(), platform.registryUrl(), wanted,
                    Duration.ofSeconds(90));
            assertThat(decisions.keySet()).containsAll(wanted);
            // The feed files hold alerts for their body alone: owner-only, like their directories.
            Path unodc = data.resolve("feeds").resolve("unodc");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(unodc)
                    && Files.list(unodc).findAny().isPresent());
            assertThat(Files.getPosixFilePermissions(unodc)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.list(unodc)) {
                assertThat(files).allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------")));
            }

            // An agency writes its own topic and no other.
            try (KafkaProducer<String, String> tj = producer(bootstrap, Principals.agency("tj-drug-control"),
                    store.password(Principals.agency("tj-drug-control")))) {
                assertThat(tj.send(new ProducerRecord<>(Topics.inbound("tj-drug-control"), "k", "not an alert")).get().offset())
                        .isNotNegative();
                assertThatThrownBy(() -> tj.send(new ProducerRecord<>(Topics.inbound("be-customs"), "k", "spoof")).get())
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
            }
            // A body reads its own feed and no other.
            String europol = store.password(Principals.body("EUROPOL"));
            assertThat(readOne(bootstrap, Principals.body("EUROPOL"), europol, Topics.feed("EUROPOL"))).isTrue();
            assertThatThrownBy(() -> readOne(bootstrap, Principals.body("EUROPOL"), europol, Topics.feed("UNODC")))
                    .isInstanceOf(TopicAuthorizationException.class);
            // And its own inbox, no other party's: neither another body's nor an agency's.
            assertThat(readOne(bootstrap, Principals.body("EUROPOL"), europol, Topics.bodyInbox("EUROPOL"))).isTrue();
            assertThatThrownBy(() -> readOne(bootstrap, Principals.body("EUROPOL"), europol, Topics.bodyInbox("UNODC")))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> readOne(bootstrap, Principals.body("EUROPOL"), europol, Topics.agencyInbox("tj-drug-control")))
                    .isInstanceOf(TopicAuthorizationException.class);
            String kz = store.password(Principals.agency("kz-customs"));
            assertThatThrownBy(() -> readOne(bootstrap, Principals.agency("kz-customs"), kz, Topics.agencyInbox("tj-drug-control")))
                    .isInstanceOf(TopicAuthorizationException.class);
            // A body writes no receipt: a receipt names a body, so only the subscriber service may write one, and a
            // body acknowledges through its API. A cluster provisioned when bodies could loses that grant as soon as
            // the body is provisioned again (every start does).
            try (Admin admin = Admin.create(platform.adminClient())) {
                Provisioner provisioner = new Provisioner(admin, 3, (short) 1);
                provisioner.grant(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, Topics.RECEIPTS, PatternType.LITERAL),
                        new AccessControlEntry("User:" + Principals.body("EUROPOL"), "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
                provisioner.addBody("EUROPOL", europol);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                try (KafkaProducer<String, String> body = producer(bootstrap, Principals.body("EUROPOL"), europol)) {
                    assertThatThrownBy(() -> body.send(new ProducerRecord<>(Topics.RECEIPTS, UUID.randomUUID().toString(),
                            "an ACKNOWLEDGED receipt naming UNODC")).get())
                            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
                }
            });
            // The monitor describes everything and reads no alert contents.
            String monitor = store.password(Principals.MONITOR);
            try (Admin admin = Admin.create(withScram(Map.of("bootstrap.servers", bootstrap), Principals.MONITOR, monitor))) {
                assertThat(admin.listTopics().names().get()).contains(Topics.feed("UNODC"), Topics.inbound("tj-drug-control"));
            }
            assertThatThrownBy(() -> readOne(bootstrap, Principals.MONITOR, monitor, Topics.feed("UNODC")))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> readOne(bootstrap, Principals.MONITOR, monitor, Topics.inbound("tj-drug-control")))
                    .isInstanceOf(TopicAuthorizationException.class);
            // A wrong password is an authentication failure.
            assertThatThrownBy(() -> readOne(bootstrap, Principals.body("EUROPOL"), "not-the-password", Topics.feed("EUROPOL")))
                    .isInstanceOf(AuthenticationException.class);

            // Through REST: kz-customs can neither publish as tj-drug-control nor see its alert's status.
            String asTj = DemoScenario.steps().get(0).body().replaceFirst("\\{", "{\"originAgency\":{\"agencyId\":\"tj-drug-control\"},");
            HttpResponse<String> spoof = send("POST", platform.restUrl() + "/api/v1/alerts", tokens.get("kz-customs"), asTj);
            answers.add(spoof.body());
            assertThat(spoof.statusCode()).isEqualTo(403);
            HttpResponse<String> status = send("GET", platform.restUrl() + "/api/v1/alerts/" + published.get(0).alertId() + "/status",
                    tokens.get("kz-customs"), null);
            answers.add(status.body());
            assertThat(status.statusCode()).isEqualTo(404);
            HttpResponse<String> badToken = send("GET", platform.restUrl() + "/api/v1/alerts/" + published.get(0).alertId() + "/status",
                    tokens.get("kz-customs") + "x", null);
            answers.add(badToken.body());
            assertThat(badToken.statusCode()).isEqualTo(401);
            // The registry takes no schema from an anonymous writer.
            HttpResponse<String> register = send("POST", platform.registryUrl() + "/subjects/intruder-value/versions", null,
                    "{\"schema\":\"\\\"string\\\"\"}");
            answers.add(register.body());
            assertThat(register.statusCode()).isEqualTo(401);

            for (String service : List.of(platform.restUrl(), platform.subscriberUrl(), platform.monitorUrl(),
                    platform.endpoint(Service.ROUTER).toString())) {
                assertThat(send("GET", service + "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
                answers.add(send("GET", service + "/actuator/prometheus", HttpAuth.basic(platform, "metrics"), null).body());
            }
        }

        List<String> secrets = secrets();
        assertThat(secrets).hasSizeGreaterThan(30);
        String everything = logs + String.join("\n", answers);
        assertThat(logs.length()).as("the run logged something to scan").isGreaterThan(10_000);
        assertThat(logs).as("Kafka's client configs were logged, and hid the JAAS settings").contains("sasl.jaas.config = [hidden]");
        for (String secret : secrets) {
            assertThat(everything).as("a secret of this run appears in its logs or answers").doesNotContain(secret);
        }
    }

    /** Every password of the credential store and every agency token. */
    private List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String file : List.of(CredentialStore.FILE, DemoAgencies.FILE)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(data.resolve(file))) {
                p.load(in);
            }
            p.values().forEach(v -> secrets.add(v.toString()));
        }
        return secrets;
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", url.contains("/subjects/") ? "application/vnd.schemaregistry.v1+json" : "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> withScram(Map<String, Object> base, String user, String password) {
        Map<String, Object> p = new HashMap<>(base);
        p.putAll(ScramClient.settings(user, password));
        return p;
    }

    private static KafkaProducer<String, String> producer(String bootstrap, String user, String password) {
        Map<String, Object> p = withScram(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), user, password);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads partition 0 of the topic from the start; true once a poll returned without an error. */
    private static boolean readOne(String bootstrap, String user, String password, String topic) {
        Map<String, Object> p = withScram(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), user, password);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            c.poll(Duration.ofSeconds(3));
            c.position(tp);
            return true;
        }
    }
}
