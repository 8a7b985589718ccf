package org.corridor.consumer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.junit.jupiter.api.Test;

/** The strictest markings of an alert's versions, field by field, and what an explicit relaxation changes. */
class MarkingInheritanceTest {

    private static Markings m(Tlp tlp, HandlingCode code, Set<String> addressed, Set<String> releasable, Set<String> excluded) {
        return new Markings(tlp, code, code == HandlingCode.H3 ? "not for court" : null, new TreeSet<>(addressed),
                releasable == null ? null : new TreeSet<>(releasable), new TreeSet<>(excluded));
    }

    @Test
    void aFirstVersionIsReleasedUnderItsOwnMarkings() {
        Markings own = m(Tlp.GREEN, HandlingCode.H0, Set.of(), null, Set.of());
        assertThat(MarkingInheritance.apply(null, own, false)).isEqualTo(new MarkingInheritance.Result(own, java.util.List.of(), java.util.List.of()));
    }

    @Test
    void aCorrectionThatLeavesOutNotReleasableToKeepsTheExclusion() {
        Markings v1 = m(Tlp.AMBER, HandlingCode.H0, Set.of(), null, Set.of("CSTO"));
        Markings v2 = m(Tlp.AMBER, HandlingCode.H0, Set.of(), null, Set.of());
        MarkingInheritance.Result r = MarkingInheritance.apply(v1, v2, false);
        assertThat(r.effective().notReleasableTo()).containsExactly("CSTO");
        assertThat(r.inherited()).containsExactly(MarkingInheritance.NOT_RELEASABLE_TO);
        assertThat(r.relaxed()).isEmpty();
    }

    @Test
    void tlpAndHandlingCodeTakeTheStrictest() {
        Markings v1 = m(Tlp.RED, HandlingCode.H2, Set.of("SELEC"), null, Set.of());
        Markings v2 = m(Tlp.GREEN, HandlingCode.H1, Set.of(), null, Set.of());
        Markings e = MarkingInheritance.apply(v1, v2, false).effective();
        assertThat(e.tlp()).isEqualTo(Tlp.RED);
        assertThat(e.handlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(e.addressedTo()).containsExactly("SELEC");
        assertThat(MarkingInheritance.apply(m(Tlp.AMBER, HandlingCode.H3, Set.of(), null, Set.of()),
                m(Tlp.AMBER_STRICT, HandlingCode.H0, Set.of(), null, Set.of()), false).effective())
                .satisfies(x -> {
                    assertThat(x.tlp()).isEqualTo(Tlp.AMBER_STRICT);
                    assertThat(x.handlingCode()).isEqualTo(HandlingCode.H3);
                    assertThat(x.handlingRestriction()).isEqualTo("not for court");
                });
    }

    @Test
    void listsNarrowByIntersectionAndExclusionsLeaveThem() {
        Markings v1 = m(Tlp.AMBER, HandlingCode.H0, Set.of("EUDA", "INCB"), Set.of("EUDA", "INCB", "UNODC"), Set.of());
        Markings v2 = m(Tlp.AMBER, HandlingCode.H0, Set.of("EUDA", "EUROPOL"), Set.of("EUDA", "EUROPOL", "INCB"), Set.of("INCB"));
        Markings e = MarkingInheritance.apply(v1, v2, false).effective();
        assertThat(e.releasableTo()).containsExactly("EUDA");
        assertThat(e.addressedTo()).containsExactly("EUDA");
        assertThat(e.notReleasableTo()).containsExactly("INCB");
    }

    @Test
    void disjointReleasableListsReleaseToNobodyNotToEverybody() {
        Markings e = MarkingInheritance.apply(m(Tlp.GREEN, HandlingCode.H0, Set.of(), Set.of("EUDA"), Set.of()),
                m(Tlp.GREEN, HandlingCode.H0, Set.of(), Set.of("INCB"), Set.of()), false).effective();
        assertThat(e.releasableTo()).isNotNull().isEmpty();
        Markings noList = MarkingInheritance.apply(m(Tlp.GREEN, HandlingCode.H0, Set.of(), Set.of("EUDA"), Set.of()),
                m(Tlp.GREEN, HandlingCode.H0, Set.of(), null, Set.of()), false).effective();
        assertThat(noList.releasableTo()).containsExactly("EUDA");
    }

    @Test
    void anExplicitRelaxationIsReleasedAsDeclaredAndSaysWhatWidened() {
        Markings v1 = m(Tlp.RED, HandlingCode.H0, Set.of("SELEC"), null, Set.of("CSTO"));
        Markings v2 = m(Tlp.AMBER, HandlingCode.H0, Set.of("SELEC"), null, Set.of());
        MarkingInheritance.Result r = MarkingInheritance.apply(v1, v2, true);
        assertThat(r.effective()).isEqualTo(v2);
        assertThat(r.inherited()).isEmpty();
        assertThat(r.relaxed()).containsExactly(MarkingInheritance.TLP, MarkingInheritance.NOT_RELEASABLE_TO);
        assertThat(MarkingInheritance.apply(v1, v1, true).relaxed()).isEmpty();
    }

    @Test
    void theEffectiveMarkingsAreNeverWiderThanEitherVersion() {
        java.util.Random r = new java.util.Random(19);
        String[] bodies = {"UNODC", "INCB", "EUDA", "CSTO", "SELEC"};
        for (int i = 0; i < 2_000; i++) {
            Markings a = random(r, bodies);
            Markings b = random(r, bodies);
            Markings e = MarkingInheritance.apply(a, b, false).effective();
            assertThat(e.tlp().compareTo(a.tlp())).isGreaterThanOrEqualTo(0);
            assertThat(e.tlp().compareTo(b.tlp())).isGreaterThanOrEqualTo(0);
            assertThat(MarkingInheritance.rank(e.handlingCode())).isGreaterThanOrEqualTo(
                    Math.max(MarkingInheritance.rank(a.handlingCode()), MarkingInheritance.rank(b.handlingCode())));
            assertThat(e.notReleasableTo().containsAll(a.notReleasableTo()) && e.notReleasableTo().containsAll(b.notReleasableTo())).isTrue();
            for (Markings v : new Markings[] {a, b}) {
                if (v.releasableTo() != null) {
                    assertThat(e.releasableTo()).isNotNull();
                    assertThat(v.releasableTo().containsAll(e.releasableTo())).isTrue();
                }
            }
            assertThat(a.addressedTo().containsAll(e.addressedTo())).as("addressees only narrow").isTrue();
            assertThat(java.util.Collections.disjoint(e.addressedTo(), e.notReleasableTo())).isTrue();
        }
    }

    private static Markings random(java.util.Random r, String[] bodies) {
        return m(Tlp.values()[r.nextInt(5)], HandlingCode.values()[r.nextInt(4)], subset(r, bodies),
                r.nextBoolean() ? null : subset(r, bodies), subset(r, bodies));
    }

    private static Set<String> subset(java.util.Random r, String[] bodies) {
        Set<String> s = new TreeSet<>();
        for (String b : bodies) {
            if (r.nextInt(3) == 0) {
                s.add(b);
            }
        }
        return s;
    }
}
