package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parties' links topics over 300 seeded cases, through the whole topology: in each case two agencies report
 * the same seizure (a month after the case before, so cases never link to each other), each version released by a
 * random decision (recipients, TLP, handling code, excluded bodies, a releasable list or none). What reaches each
 * party is checked against what the test itself derives from the decisions:
 * <ul>
 * <li>a body's links topic holds a hit only when the body received both alerts, and then that hit, naming no other
 * body and no notice;</li>
 * <li>an agency's links topic holds a notice only about its own alert, only when the other alert's markings allow it,
 * and never the other report's agency or id.</li>
 * </ul>
 */
class PartyLinksPropertiesTest {

    /** The rules themselves are checked over 2 x 2,000 cases by DisclosurePropertiesTest; this checks the plumbing. */
    private static final int CASES = 300;
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final List<String> BODIES = List.copyOf(REFERENCE.bodyIds());
    private static final Map<String, String> COUNTRY = Map.of("tj-drug-control", "TJ", "kz-customs", "KZ");

    @TempDir
    Path state;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final AvroSerializer<RoutedVersion> routedWriter = Serdes.writer(registry, RoutedVersion.class);
    private final AvroDeserializer<CorrelationHit> hitReader = Serdes.reader(registry, CorrelationHit.class);
    private final AvroDeserializer<CorrelationNotice> noticeReader = Serdes.reader(registry, CorrelationNotice.class);

    /** One case: the two reports and the markings each was released under. */
    private record Case(TraffickingAlert tj, TraffickingAlert kz, EffectiveMarkings tjMarkings, List<String> tjTo,
                        EffectiveMarkings kzMarkings, List<String> kzTo) {

        String pair() {
            String a = "kz-customs/" + kz.getAlertId();
            String b = "tj-drug-control/" + tj.getAlertId();
            return a + "|" + b;
        }
    }

    @Test
    void noPartyReceivesAHitOrNoticeThatTheAlertsMarkingsExcludeThemFrom() throws Exception {
        Random r = new Random(2206);
        List<Case> cases = new ArrayList<>();
        Path dir = Files.isWritable(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "correlator-test-") : state;
        Map<String, List<CorrelationHit>> copies = new HashMap<>();
        Map<String, List<CorrelationNotice>> notices = new HashMap<>();
        int hits;
        try (TopologyTestDriver driver = driver(dir)) {
            var routed = driver.createInputTopic(Topics.ROUTED_VERSIONS, new StringSerializer(), new ByteArraySerializer());
            for (int i = 0; i < CASES; i++) {
                LocalDate day = LocalDate.of(2020, 1, 1).plusDays(30L * i);
                TraffickingAlert tj = report("tj-drug-control", "TJ", new UUID(1, i), day);
                TraffickingAlert kz = report("kz-customs", "KZ", new UUID(2, i), day.plusDays(1));
                Case c = new Case(tj, kz, markings(r), recipients(r), markings(r), recipients(r));
                cases.add(c);
                for (Object[] side : new Object[][] {{tj, c.tjMarkings(), c.tjTo()}, {kz, c.kzMarkings(), c.kzTo()}}) {
                    TraffickingAlert a = (TraffickingAlert) side[0];
                    @SuppressWarnings("unchecked")
                    List<String> to = (List<String>) side[2];
                    routed.pipeInput(TwoReports.ref(a), routedWriter.serialize(Topics.ROUTED_VERSIONS,
                            new RoutedVersion(a, TwoReports.decision(a, to, (EffectiveMarkings) side[1], T0))), T0.plusSeconds(1));
                }
            }
            hits = driver.createOutputTopic(Topics.CORRELATIONS, new StringDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            for (String body : BODIES) {
                String topic = Topics.bodyLinks(body);
                driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()
                        .forEach(rec -> copies.computeIfAbsent(body, b -> new ArrayList<>()).add(hitReader.deserialize(topic, rec.value())));
            }
            for (String agency : COUNTRY.keySet()) {
                String topic = Topics.agencyLinks(agency);
                driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()
                        .forEach(rec -> notices.computeIfAbsent(agency, a -> new ArrayList<>()).add(noticeReader.deserialize(topic, rec.value())));
            }
        } finally {
            if (dir != state) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
        }
        assertThat(hits).as("every case linked once").isEqualTo(CASES);

        Map<String, Set<String>> expectedCopies = new TreeMap<>();
        Map<String, Set<String>> expectedNotices = new TreeMap<>();
        Map<String, Case> byPair = new HashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Case c : cases) {
            byPair.put(c.pair(), c);
            Set<String> both = new TreeSet<>(c.tjTo());
            both.retainAll(c.kzTo());
            both.forEach(b -> expectedCopies.computeIfAbsent(b, x -> new TreeSet<>()).add(c.pair()));
            for (Object[] side : new Object[][] {{c.tj(), c.kzMarkings()}, {c.kz(), c.tjMarkings()}}) {
                TraffickingAlert own = (TraffickingAlert) side[0];
                String agency = own.getOriginAgency().getAgencyId();
                String why = withheld(COUNTRY.get(agency), (EffectiveMarkings) side[1], both);
                outcomes.merge(why == null ? "sent" : why, 1, Integer::sum);
                if (why == null) {
                    expectedNotices.computeIfAbsent(agency, x -> new TreeSet<>()).add(own.getAlertId() + " " + both);
                }
            }
        }
        Map<String, Set<String>> gotCopies = new TreeMap<>();
        copies.forEach((body, list) -> list.forEach(h -> {
            assertThat(h.getHitTo()).as("a copy names its body alone").containsExactly(body);
            assertThat(h.getNotices()).isEmpty();
            assertThat(h.getWithheld()).isEmpty();
            assertThat(gotCopies.computeIfAbsent(body, x -> new TreeSet<>()).add(h.getPair())).as("told once").isTrue();
        }));
        assertThat(gotCopies).as("each body has exactly the hits between alerts it received both of").isEqualTo(expectedCopies);

        Map<String, Set<String>> gotNotices = new TreeMap<>();
        notices.forEach((agency, list) -> list.forEach(n -> {
            assertThat(n.getAgency()).isEqualTo(agency);
            Case c = cases.get((int) n.getAlertId().getLeastSignificantBits());
            TraffickingAlert own = agency.equals("tj-drug-control") ? c.tj() : c.kz();
            TraffickingAlert other = own == c.tj() ? c.kz() : c.tj();
            assertThat(n.getAlertId()).as("a notice is about the agency's own alert").isEqualTo(own.getAlertId());
            assertThat(n.toString()).as("nothing of the other report").doesNotContain(other.getAlertId().toString())
                    .doesNotContain(other.getOriginAgency().getAgencyId());
            assertThat(n.getNoticeId()).isEqualTo(PartyCopies.noticeId(c.pair()));
            gotNotices.computeIfAbsent(agency, x -> new TreeSet<>()).add(n.getAlertId() + " " + new TreeSet<>(n.getAskThrough()));
        }));
        assertThat(gotNotices).as("each agency has exactly the notices the other alerts' markings allow").isEqualTo(expectedNotices);
        assertThat(byPair).hasSize(CASES);
        System.out.printf("party links over %d cases: %d body copies, notices %s%n", CASES,
                gotCopies.values().stream().mapToInt(Set::size).sum(), outcomes);
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder("sent", "RED", "AMBER_STRICT", "H2", "H3", "NOT_RELEASABLE",
                "NO_COMMON_BODY");
        assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    }

    /** Why the test expects a notice to an agency of {@code country} to be withheld under the other's markings, or null. */
    private static String withheld(String country, EffectiveMarkings other, Set<String> both) {
        if (other.getTlp().equals("RED") || other.getTlp().equals("AMBER_STRICT")) {
            return other.getTlp();
        }
        if (other.getHandlingCode().equals("H2") || other.getHandlingCode().equals("H3")) {
            return other.getHandlingCode();
        }
        LocalDate on = LocalDate.ofInstant(T0.plusSeconds(1), java.time.ZoneOffset.UTC);
        if (other.getNotReleasableTo().stream().anyMatch(b -> REFERENCE.isMember(b, country, on))) {
            return "NOT_RELEASABLE";
        }
        if (other.getReleasableTo() != null && other.getReleasableTo().stream().noneMatch(b -> REFERENCE.isMember(b, country, on))) {
            return "NOT_RELEASABLE";
        }
        return both.isEmpty() ? "NO_COMMON_BODY" : null;
    }

    private static List<String> recipients(Random r) {
        List<String> to = new ArrayList<>();
        for (String b : BODIES) {
            if (r.nextInt(3) == 0) {
                to.add(b);
            }
        }
        return to;
    }

    private static EffectiveMarkings markings(Random r) {
        List<String> excluded = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            excluded.add(BODIES.get(r.nextInt(BODIES.size())));
        }
        List<String> releasable = null;
        int list = r.nextInt(8);
        if (list == 0) {
            releasable = new ArrayList<>();
        } else if (list < 3) {
            releasable = new ArrayList<>(List.of(BODIES.get(r.nextInt(BODIES.size())), BODIES.get(r.nextInt(BODIES.size()))));
        }
        return EffectiveMarkings.newBuilder()
                .setTlp(Tlp.values()[r.nextInt(Tlp.values().length)].name())
                .setHandlingCode(HandlingCode.values()[r.nextInt(HandlingCode.values().length)].name())
                .setNotReleasableTo(excluded)
                .setReleasableTo(releasable)
                .build();
    }

    private static TraffickingAlert report(String agency, String country, UUID id, LocalDate day) {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        a.setAlertId(id);
        a.setOriginAgency(new Agency(agency, country, agency));
        a.setOccurredOn(day);
        return a;
    }

    private TopologyTestDriver driver(Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "corridor-correlator-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return new TopologyTestDriver(CorrelatorTopology.build(new CorrelatorTopology.Settings(MatchSettings.DEFAULTS,
                        Duration.ofDays(90), 50), Serdes.reader(registry, RoutedVersion.class), Serdes.writer(registry, CorrelationHit.class),
                Serdes.writer(registry, CorrelationNotice.class), new Disclosure(REFERENCE),
                new CorrelatorMetrics(new SimpleMeterRegistry())), props, T0);
    }
}
