package org.corridor.consumer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the release policy over 2,000 generated cases each (seeded, so a failure names a seed that
 * reproduces it): no recipient violates a marking, adding a restriction never adds a recipient, and the decision is
 * deterministic whatever the order of the lists.
 */
class ReleasePolicyPropertiesTest {

    private static final List<String> BODIES = List.copyOf(ReferenceData.defaults().bodyIds());
    private final ReleasePolicy policy = new ReleasePolicy();

    /** An alert with random markings and a random set of concerned bodies. */
    record Case(long seed, TraffickingAlert alert, SortedMap<String, Set<String>> concerned) {
        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 2_000);
    }

    static Case generate(long seed) {
        Random r = new Random(seed * 7919);
        TraffickingAlert alert = SampleAlerts.random(seed);
        alert.setHandling(new Handling(Tlp.values()[r.nextInt(5)], HandlingCode.values()[r.nextInt(4)], "restriction",
                subset(r, 0.15), r.nextInt(3) == 0 ? subset(r, 0.4) : new ArrayList<>(), subset(r, 0.1), false));
        SortedMap<String, Set<String>> concerned = new TreeMap<>();
        for (String body : subset(r, 0.4)) {
            concerned.put(body, Set.of("rule-" + r.nextInt(5)));
        }
        return new Case(seed, alert, concerned);
    }

    private static List<String> subset(Random r, double p) {
        List<String> picked = new ArrayList<>();
        for (String b : BODIES) {
            if (r.nextDouble() < p) {
                picked.add(b);
            }
        }
        Collections.shuffle(picked, r);
        return picked;
    }

    private Decision decide(TraffickingAlert alert, SortedMap<String, Set<String>> concerned) {
        return policy.decide(alert, concerned, BODIES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noRecipientEverViolatesAMarking(long seed) {
        Case c = generate(seed);
        Handling h = c.alert().getHandling();
        Decision d = decide(c.alert(), c.concerned());
        for (String body : d.recipients()) {
            assertThat(h.getNotReleasableTo()).as("%s not releasable", body).doesNotContain(body);
            if (!h.getReleasableTo().isEmpty()) {
                assertThat(h.getReleasableTo()).as("%s outside releasable list", body).contains(body);
            }
            if (h.getTlp() == Tlp.RED || h.getHandlingCode() == HandlingCode.H2) {
                assertThat(h.getAddressedTo()).as("%s not addressed under RED/H2", body).contains(body);
            }
            assertThat(c.concerned().containsKey(body) || h.getAddressedTo().contains(body)).as("%s neither concerned nor addressed", body).isTrue();
        }
        Set<String> accounted = new HashSet<>(d.recipients());
        d.withheld().forEach(w -> assertThat(accounted.add(w.body())).as("%s counted twice", w.body()).isTrue());
        assertThat(accounted).containsAll(BODIES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingARestrictionNeverAddsARecipient(long seed) {
        Case c = generate(seed);
        Set<String> before = decide(c.alert(), c.concerned()).recipients();
        Random r = new Random(seed);
        Handling h = c.alert().getHandling();
        List<Handling> stricter = new ArrayList<>();
        List<String> moreExcluded = new ArrayList<>(h.getNotReleasableTo());
        moreExcluded.add(BODIES.get(r.nextInt(BODIES.size())));
        stricter.add(copy(h, h.getTlp(), h.getHandlingCode(), h.getReleasableTo(), moreExcluded));
        stricter.add(copy(h, Tlp.RED, h.getHandlingCode(), h.getReleasableTo(), h.getNotReleasableTo()));
        stricter.add(copy(h, h.getTlp(), HandlingCode.H2, h.getReleasableTo(), h.getNotReleasableTo()));
        List<String> narrower = h.getReleasableTo().isEmpty() ? List.of(BODIES.get(r.nextInt(BODIES.size())))
                : h.getReleasableTo().size() > 1 ? h.getReleasableTo().subList(1, h.getReleasableTo().size()) : h.getReleasableTo();
        stricter.add(copy(h, h.getTlp(), h.getHandlingCode(), narrower, h.getNotReleasableTo()));
        for (Handling s : stricter) {
            TraffickingAlert restricted = TraffickingAlert.newBuilder(c.alert()).setHandling(s).build();
            assertThat(before).as("restriction %s", s).containsAll(decide(restricted, c.concerned()).recipients());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decisionIsDeterministicWhateverTheListOrder(long seed) {
        Case c = generate(seed);
        Decision first = decide(c.alert(), c.concerned());
        assertThat(decide(c.alert(), c.concerned())).isEqualTo(first);
        Handling h = c.alert().getHandling();
        List<String> addressed = new ArrayList<>(h.getAddressedTo());
        List<String> releasable = new ArrayList<>(h.getReleasableTo());
        List<String> excluded = new ArrayList<>(h.getNotReleasableTo());
        Collections.reverse(addressed);
        Collections.reverse(releasable);
        Collections.reverse(excluded);
        TraffickingAlert reordered = TraffickingAlert.newBuilder(c.alert()).setHandling(new Handling(h.getTlp(),
                h.getHandlingCode(), h.getHandlingRestriction(), addressed, releasable, excluded, false)).build();
        List<String> bodies = new ArrayList<>(BODIES);
        Collections.reverse(bodies);
        assertThat(policy.decide(reordered, c.concerned(), bodies)).isEqualTo(first);
    }

    private static Handling copy(Handling h, Tlp tlp, HandlingCode code, List<String> releasable, List<String> excluded) {
        return new Handling(tlp, code, h.getHandlingRestriction(), new ArrayList<>(h.getAddressedTo()),
                new ArrayList<>(releasable), new ArrayList<>(excluded), false);
    }
}
