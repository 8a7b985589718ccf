package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.GroundTruth;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationKind;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.schemas.avro.CorrelationStatus;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correlator's topology on {@link TopologyTestDriver} (exactly-once v2, RocksDB stores): the routed versions in,
 * the hits and withdrawals out.
 */
class CorrelatorTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path state;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final AvroSerializer<RoutedVersion> routedWriter = Serdes.writer(registry, RoutedVersion.class);
    private final AvroDeserializer<CorrelationHit> hitReader = Serdes.reader(registry, CorrelationHit.class);
    private final AvroDeserializer<CorrelationNotice> noticeReader = Serdes.reader(registry, CorrelationNotice.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> routedVersions;
    private TestOutputTopic<String, byte[]> hits;

    @BeforeEach
    void start() {
        start(new CorrelatorTopology.Settings(MatchSettings.DEFAULTS, Duration.ofDays(90), 50));
    }

    private void start(CorrelatorTopology.Settings settings) {
        start(settings, StreamsConfig.EXACTLY_ONCE_V2);
    }

    /**
     * @param guarantee the driver flushes every store after each input under either; exactly-once is what the
     *                  service runs, at-least-once lets the long ground truth run in seconds
     */
    private void start(CorrelatorTopology.Settings settings, String guarantee) {
        if (driver != null) {
            driver.close();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "corridor-correlator-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        driver = new TopologyTestDriver(CorrelatorTopology.build(settings, Serdes.reader(registry, RoutedVersion.class),
                Serdes.writer(registry, CorrelationHit.class), Serdes.writer(registry, CorrelationNotice.class),
                new Disclosure(ReferenceData.defaults()), new CorrelatorMetrics(meters)), props, T0);
        routedVersions = driver.createInputTopic(Topics.ROUTED_VERSIONS, new StringSerializer(), new ByteArraySerializer());
        hits = driver.createOutputTopic(Topics.CORRELATIONS, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    @AfterEach
    void stop() throws java.io.IOException {
        driver.close();
        if (memoryState != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(memoryState);
        }
    }

    private Path memoryState;

    /**
     * The driver commits, so flushes and fsyncs every store, after each input: in memory ({@code /dev/shm}) where
     * there is one, so the long ground truth takes seconds, not minutes.
     */
    private Path stateDir() {
        Path shm = Path.of("/dev/shm");
        if (memoryState == null && java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)) {
            try {
                memoryState = java.nio.file.Files.createTempDirectory(shm, "correlator-test-");
            } catch (java.io.IOException e) {
                return state;
            }
        }
        return memoryState != null ? memoryState : state;
    }

    @Test
    void twoAgenciesReportsOfOneShipmentAreLinkedOnceWithWhoMayLearnOfIt() {
        TraffickingAlert tj = TwoReports.tajik();
        TraffickingAlert kz = TwoReports.kazakh();
        routed(tj, List.of("UNODC", "CARICC", "CSTO"), Tlp.AMBER);
        routed(kz, List.of("UNODC", "CARICC", "CIS"), Tlp.AMBER);

        List<CorrelationHit> out = drained();
        assertThat(out).hasSize(1);
        CorrelationHit hit = out.get(0);
        assertThat(hit.getStatus()).isEqualTo(CorrelationStatus.LINKED);
        assertThat(hit.getKind()).isEqualTo(CorrelationKind.EXACT);
        assertThat(hit.getScore()).isEqualTo(1.0);
        assertThat(hit.getKeys()).containsExactly("container:" + TwoReports.CONTAINER);
        assertThat(hit.getPair()).isEqualTo("kz-customs/" + kz.getAlertId() + "|tj-drug-control/" + tj.getAlertId());
        assertThat(hit.getHitTo()).as("only the bodies that hold both").containsExactly("CARICC", "UNODC");
        assertThat(hit.getNotices()).extracting(n -> n.getAgency() + " " + n.getAlert() + " " + n.getAskThrough())
                .containsExactlyInAnyOrder("tj-drug-control tj-drug-control/" + tj.getAlertId() + " [CARICC, UNODC]",
                        "kz-customs kz-customs/" + kz.getAlertId() + " [CARICC, UNODC]");
        assertThat(meters.get("corridor.correlator.hits").tag("status", "LINKED").tag("kind", "EXACT").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("corridor.correlator.notices").tag("outcome", "sent").counter().count()).isEqualTo(2);

        // Each body holding both gets the hit on its own links topic, naming that body alone; no other body gets it.
        Map<String, List<CorrelationHit>> copies = bodyCopies();
        assertThat(copies.keySet()).containsExactly("CARICC", "UNODC");
        copies.forEach((body, list) -> assertThat(list).singleElement().satisfies(c -> {
            assertThat(c.getPair()).isEqualTo(hit.getPair());
            assertThat(c.getKeys()).isEqualTo(hit.getKeys());
            assertThat(c.getHitTo()).containsExactly(body);
            assertThat(c.getNotices()).isEmpty();
            assertThat(c.getWithheld()).isEmpty();
        }));
        // Each originator gets a blind notice about its own alert: an opaque id, nothing of the other report.
        Map<String, List<CorrelationNotice>> notices = notices("tj-drug-control", "kz-customs");
        for (TraffickingAlert[] own : new TraffickingAlert[][] {{tj, kz}, {kz, tj}}) {
            assertThat(notices.get(own[0].getOriginAgency().getAgencyId())).singleElement().satisfies(n -> {
                assertThat(n.getAlertId()).isEqualTo(own[0].getAlertId());
                assertThat(n.getAlertVersion()).isEqualTo(1);
                assertThat(n.getStatus()).isEqualTo(CorrelationStatus.LINKED);
                assertThat(n.getAskThrough()).containsExactly("CARICC", "UNODC");
                assertThat(n.getNoticeId()).isEqualTo(PartyCopies.noticeId(hit.getPair())).hasSize(64);
                assertThat(n.toString()).doesNotContain(own[1].getAlertId().toString())
                        .doesNotContain(own[1].getOriginAgency().getAgencyId()).doesNotContain(TwoReports.CONTAINER);
            });
        }
    }

    @Test
    void aRecordWhoseKeyAlertAndDecisionDisagreeIsNeverFiledAndIsDeadLetteredWithItsBytesAndWhy() {
        TraffickingAlert tj = TwoReports.tajik();
        routed(tj, List.of("UNODC"), Tlp.GREEN);
        TraffickingAlert kz = TwoReports.kazakh();
        RoutingDecision right = TwoReports.decision(kz, List.of("UNODC"), markings(Tlp.GREEN), T0);
        // Under another alert's ref; a decision of another agency; of another version; of another alert; bytes that are no record.
        pipe(TwoReports.ref(tj), kz, right);
        RoutingDecision otherAgency = TwoReports.decision(kz, List.of("UNODC"), markings(Tlp.GREEN), T0);
        otherAgency.setOriginAgency("tj-drug-control");
        pipe(TwoReports.ref(kz), kz, otherAgency);
        RoutingDecision otherVersion = TwoReports.decision(kz, List.of("UNODC"), markings(Tlp.GREEN), T0);
        otherVersion.setAlertVersion(kz.getVersion() + 1);
        pipe(TwoReports.ref(kz), kz, otherVersion);
        RoutingDecision otherAlert = TwoReports.decision(tj, List.of("UNODC"), markings(Tlp.GREEN), T0);
        otherAlert.setOriginAgency("kz-customs");
        pipe(TwoReports.ref(kz), kz, otherAlert);
        byte[] garbage = {0, 0, 0, 0, 1, 7};
        routedVersions.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(TwoReports.ref(kz), garbage,
                new org.apache.kafka.common.header.internals.RecordHeaders(new org.apache.kafka.common.header.Header[] {
                        new org.apache.kafka.common.header.internals.RecordHeader("trace", new byte[] {9})}), T0.plusSeconds(2)));
        assertThat(drained()).isEmpty();
        assertThat(meters.get("corridor.correlator.unreadable").tag("input", "routed").counter().count()).isEqualTo(5.0);
        // Each one dead-lettered, never skipped silently: its key, its bytes, its headers, why and where it came from.
        var dead = driver.createOutputTopic(Topics.DEAD_LETTERS, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList();
        assertThat(dead).hasSize(5);
        assertThat(dead).extracting(r -> header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_REASON_CODE))
                .containsExactly("INCONSISTENT", "INCONSISTENT", "INCONSISTENT", "INCONSISTENT", "UNDECODABLE");
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_SOURCE_TOPIC)).isEqualTo(Topics.ROUTED_VERSIONS);
            assertThat(header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_SOURCE_OFFSET)).isNotNull();
            assertThat(header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_REASON)).isNotBlank();
        });
        assertThat(dead.get(0).key()).isEqualTo(TwoReports.ref(tj));
        assertThat(header(dead.get(0).headers(), org.corridor.schemas.topics.Headers.DLQ_REASON))
                .contains("key \"" + TwoReports.ref(tj) + "\"");
        assertThat(dead.get(4).value()).isEqualTo(garbage);
        assertThat(header(dead.get(4).headers(), "trace")).as("the record's own headers kept").isEqualTo("\t");
        // And its summary, headers only, for the monitor, which may not read alerts.dlq.
        var summaries = driver.createOutputTopic(Topics.DEAD_LETTER_SUMMARY, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList();
        assertThat(summaries).hasSize(5).allSatisfy(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.value()).isNull();
            assertThat(header(r.headers(), "trace")).isNull();
            assertThat(header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_SOURCE_TOPIC)).isEqualTo(Topics.ROUTED_VERSIONS);
        });
        assertThat(summaries).extracting(r -> header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_SOURCE_OFFSET))
                .containsExactlyElementsOf(dead.stream().map(r -> header(r.headers(), org.corridor.schemas.topics.Headers.DLQ_SOURCE_OFFSET)).toList());
        // The same version, consistent, is filed and linked.
        pipe(TwoReports.ref(kz), kz, right);
        assertThat(drained()).singleElement().satisfies(h -> assertThat(h.getHitTo()).containsExactly("UNODC"));
    }

    @Test
    void aRetractionWithdrawsTheLinkFromExactlyThoseWhoHadIt() {
        TraffickingAlert tj = TwoReports.tajik();
        TraffickingAlert kz = TwoReports.kazakh();
        routed(tj, List.of("UNODC", "CARICC"), Tlp.AMBER);
        routed(kz, List.of("UNODC", "CARICC"), Tlp.AMBER);
        CorrelationHit linked = drained().get(0);
        assertThat(bodyCopies()).containsOnlyKeys("CARICC", "UNODC");
        assertThat(notices("tj-drug-control", "kz-customs")).containsOnlyKeys("tj-drug-control", "kz-customs");

        TraffickingAlert retraction = TraffickingAlert.newBuilder(kz).setVersion(2).setLifecycle(Lifecycle.RETRACTION).build();
        routed(retraction, List.of("UNODC", "CARICC"), Tlp.AMBER);
        List<CorrelationHit> out = drained();
        assertThat(out).singleElement().satisfies(w -> {
            assertThat(w.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN);
            assertThat(w.getKind()).isNull();
            assertThat(w.getA().getVersion()).as("kz-customs sorts first").isEqualTo(2);
            assertThat(w.getHitTo()).isEqualTo(linked.getHitTo());
            assertThat(w.getNotices()).isEqualTo(linked.getNotices());
            assertThat(w.getReason()).contains("retracted");
        });
        // The withdrawal reaches exactly the parties that had the link, each on its links topic.
        Map<String, List<CorrelationHit>> withdrawn = bodyCopies();
        assertThat(withdrawn).containsOnlyKeys("CARICC", "UNODC");
        withdrawn.values().forEach(l -> assertThat(l).singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN)));
        Map<String, List<CorrelationNotice>> told = notices("tj-drug-control", "kz-customs");
        assertThat(told).containsOnlyKeys("tj-drug-control", "kz-customs");
        told.values().forEach(l -> assertThat(l).singleElement().satisfies(n -> {
            assertThat(n.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN);
            assertThat(n.getNoticeId()).isEqualTo(PartyCopies.noticeId(linked.getPair()));
        }));
        // A late copy of the first version changes nothing: the pair has moved past it.
        routed(kz, List.of("UNODC", "CARICC"), Tlp.AMBER);
        assertThat(drained()).isEmpty();
    }

    @Test
    void aCorrectionThatKeepsTheLinkTellsNothingAndOneThatChangesItTellsAnUpdate() {
        TraffickingAlert tj = TwoReports.tajik();
        TraffickingAlert kz = TwoReports.kazakh();
        routed(tj, List.of("UNODC", "CARICC"), Tlp.AMBER);
        routed(kz, List.of("UNODC", "CARICC"), Tlp.AMBER);
        drained();
        routed(TraffickingAlert.newBuilder(kz).setVersion(2).setLifecycle(Lifecycle.UPDATE)
                .setSummary("412.5 kg of heroin, weighed again").build(), List.of("UNODC", "CARICC"), Tlp.AMBER);
        assertThat(drained()).as("same keys, score and audience").isEmpty();
        bodyCopies();
        notices("tj-drug-control", "kz-customs");
        // CARICC no longer receives the Kazakh alert: the link is withdrawn for CARICC alone, then updated for the rest.
        routed(TraffickingAlert.newBuilder(kz).setVersion(3).setLifecycle(Lifecycle.UPDATE).build(),
                List.of("UNODC"), Tlp.AMBER);
        List<CorrelationHit> changed = drained();
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).satisfies(w -> {
            assertThat(w.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN);
            assertThat(w.getHitTo()).containsExactly("CARICC");
            assertThat(w.getNotices()).isEmpty();
            assertThat(w.getReason()).contains("correction changed who may learn");
        });
        assertThat(changed.get(1)).satisfies(u -> {
            assertThat(u.getStatus()).isEqualTo(CorrelationStatus.UPDATED);
            assertThat(u.getHitTo()).containsExactly("UNODC");
        });
        Map<String, List<CorrelationHit>> copies = bodyCopies();
        assertThat(copies).containsOnlyKeys("CARICC", "UNODC");
        assertThat(copies.get("CARICC")).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN));
        assertThat(copies.get("UNODC")).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo(CorrelationStatus.UPDATED));
        assertThat(notices("tj-drug-control", "kz-customs").values()).allSatisfy(l -> assertThat(l).singleElement()
                .satisfies(n -> assertThat(n.getStatus()).as("still told, through UNODC alone").isEqualTo(CorrelationStatus.UPDATED)));
        // A correction with another container and no longer the same event: the link is withdrawn.
        TraffickingAlert other = TraffickingAlert.newBuilder(kz).setVersion(4).setLifecycle(Lifecycle.UPDATE)
                .setOccurredOn(kz.getOccurredOn().plusDays(40)).build();
        other.setIdentifiers(TwoReports.identifiers("TGHU7654320"));
        routed(other, List.of("UNODC"), Tlp.AMBER);
        assertThat(drained()).singleElement().satisfies(w -> assertThat(w.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN));
    }

    @Test
    void aCorrectionToRedWithdrawsTheOtherOriginatorsNoticeAndKeepsTheBodiesLink() {
        TraffickingAlert tj = TwoReports.tajik();
        TraffickingAlert kz = TwoReports.kazakh();
        routed(tj, List.of("UNODC", "CARICC"), Tlp.AMBER);
        routed(kz, List.of("UNODC", "CARICC"), Tlp.AMBER);
        drained();
        bodyCopies();
        assertThat(notices("tj-drug-control", "kz-customs")).containsOnlyKeys("tj-drug-control", "kz-customs");
        // kz-customs corrects its alert to TLP:RED: tj-drug-control may no longer be told another report exists.
        routed(TraffickingAlert.newBuilder(kz).setVersion(2).setLifecycle(Lifecycle.UPDATE).build(), List.of("UNODC", "CARICC"), Tlp.RED);
        List<CorrelationHit> changed = drained();
        assertThat(changed).extracting(CorrelationHit::getStatus).containsExactly(CorrelationStatus.WITHDRAWN, CorrelationStatus.UPDATED);
        assertThat(changed.get(0).getHitTo()).isEmpty();
        assertThat(changed.get(0).getNotices()).extracting(n -> n.getAgency()).containsExactly("tj-drug-control");
        assertThat(changed.get(1).getWithheld()).containsExactly("tj-drug-control: RED");
        Map<String, List<CorrelationNotice>> told = notices("tj-drug-control", "kz-customs");
        assertThat(told.get("tj-drug-control")).singleElement().satisfies(n -> assertThat(n.getStatus()).isEqualTo(CorrelationStatus.WITHDRAWN));
        assertThat(told.get("kz-customs")).singleElement().satisfies(n -> assertThat(n.getStatus()).isEqualTo(CorrelationStatus.UPDATED));
        assertThat(bodyCopies().values()).as("both bodies still hold both alerts").allSatisfy(l -> assertThat(l).singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo(CorrelationStatus.UPDATED)));
    }

    @Test
    void aRedAlertTellsTheOtherOriginatorNothing() {
        routed(TwoReports.tajik(), List.of("UNODC", "CARICC"), Tlp.RED);
        routed(TwoReports.kazakh(), List.of("UNODC", "CARICC"), Tlp.AMBER);
        CorrelationHit hit = drained().get(0);
        assertThat(hit.getNotices()).extracting(n -> n.getAgency()).containsExactly("tj-drug-control");
        assertThat(hit.getWithheld()).containsExactly("kz-customs: RED");
        assertThat(notices("tj-drug-control", "kz-customs")).as("nothing on kz-customs' links topic").containsOnlyKeys("tj-drug-control");
        assertThat(meters.get("corridor.correlator.notices").tag("outcome", "withheld").tag("reason", "RED").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void aKeySharedByTooManyReportsIsSuppressedInsteadOfLinkingThemAll() {
        start(new CorrelatorTopology.Settings(MatchSettings.DEFAULTS, Duration.ofDays(90), 3));
        for (int i = 0; i < 8; i++) {
            TraffickingAlert a = TwoReports.kazakh();
            a.setAlertId(new UUID(7, i));
            a.setOriginAgency(new Agency("agency-" + i, "KZ", "Agency " + i));
            // Months apart, so only the shared container could link them.
            a.setOccurredOn(a.getOccurredOn().plusDays(60L * i));
            routed(a, List.of("UNODC"), Tlp.GREEN);
        }
        List<CorrelationHit> out = drained();
        // Three reports share the key before the fourth makes it too common: 1 + 2 links, then none.
        assertThat(out).hasSize(3);
        assertThat(meters.get("corridor.correlator.suppressed.keys").counter().count()).isEqualTo(1);
    }

    @Test
    void theTopologyFindsExactlyTheLinksThatComparingEveryPairFinds() {
        GroundTruth.Sample sample = GroundTruth.generate(2203, 400);
        Matcher matcher = new Matcher(MatchSettings.DEFAULTS);
        Set<String> expected = new TreeSet<>();
        List<Report> reports = sample.reports();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                if (matcher.compare(reports.get(i), reports.get(j)).isPresent()) {
                    expected.add(pair(reports.get(i), reports.get(j)));
                }
            }
        }
        start(new CorrelatorTopology.Settings(MatchSettings.DEFAULTS, Duration.ofDays(90), 10_000),
                StreamsConfig.AT_LEAST_ONCE);
        for (TraffickingAlert a : sample.alerts()) {
            routed(a, List.of("UNODC"), Tlp.AMBER);
        }
        Set<String> found = new TreeSet<>();
        for (CorrelationHit h : drained()) {
            assertThat(h.getStatus()).isEqualTo(CorrelationStatus.LINKED);
            assertThat(found.add(h.getPair())).as("each pair told once: %s", h.getPair()).isTrue();
        }
        System.out.printf("correlator topology over %d generated reports: %d links, brute force %d%n", reports.size(),
                found.size(), expected.size());
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(found).isEqualTo(expected);
    }

    private static String pair(Report x, Report y) {
        return x.ref().compareTo(y.ref()) < 0 ? x.ref() + "|" + y.ref() : y.ref() + "|" + x.ref();
    }

    private List<CorrelationHit> drained() {
        List<CorrelationHit> out = new ArrayList<>();
        hits.readRecordsToList().forEach(r -> {
            CorrelationHit h = hitReader.deserialize(Topics.CORRELATIONS, r.value());
            assertThat(r.key()).isEqualTo(h.getPair());
            out.add(h);
        });
        return out;
    }

    /** What each body's links topic received since the last call, by body (bodies that received nothing left out). */
    private Map<String, List<CorrelationHit>> bodyCopies() {
        Map<String, List<CorrelationHit>> copies = new TreeMap<>();
        for (String body : ReferenceData.defaults().bodyIds()) {
            String topic = Topics.bodyLinks(body);
            driver.createOutputTopic(topic, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())
                    .readRecordsToList().forEach(r -> copies.computeIfAbsent(body, b -> new ArrayList<>())
                            .add(hitReader.deserialize(topic, r.value())));
        }
        return copies;
    }

    /** What each agency's links topic received since the last call, by agency (agencies that received nothing left out). */
    private Map<String, List<CorrelationNotice>> notices(String... agencies) {
        Map<String, List<CorrelationNotice>> notices = new TreeMap<>();
        for (String agency : agencies) {
            String topic = Topics.agencyLinks(agency);
            driver.createOutputTopic(topic, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())
                    .readRecordsToList().forEach(r -> {
                        CorrelationNotice n = noticeReader.deserialize(topic, r.value());
                        assertThat(r.key()).isEqualTo(agency + "/" + n.getAlertId());
                        notices.computeIfAbsent(agency, a -> new ArrayList<>()).add(n);
                    });
        }
        return notices;
    }

    private void routed(TraffickingAlert alert, List<String> recipients, Tlp tlp) {
        pipe(TwoReports.ref(alert), alert, TwoReports.decision(alert, recipients, markings(tlp), T0));
    }

    private void pipe(String key, TraffickingAlert alert, RoutingDecision decision) {
        routedVersions.pipeInput(key, routedWriter.serialize(Topics.ROUTED_VERSIONS, new RoutedVersion(alert, decision)),
                T0.plusSeconds(1));
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static EffectiveMarkings markings(Tlp tlp) {
        return EffectiveMarkings.newBuilder().setTlp(tlp.name()).setHandlingCode("H1").build();
    }
}
