package org.corridor.consumer.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Over seeded generated pairs of released reports (2,000 each): nobody learns of a link through an alert whose
 * markings exclude them. A hit reaches only bodies that hold both alerts; a notice carries nothing of the other
 * alert and is never sent under a RED, AMBER+STRICT, H2 or H3 alert, nor to an agency of a country that is a member of
 * a body the other alert excludes, nor, when the other alert names the only bodies it may go to, to an agency of a
 * country that is a member of none of them.
 */
class DisclosurePropertiesTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final List<String> BODIES = List.copyOf(REFERENCE.bodyIds());
    private static final String[] COUNTRIES = {"TJ", "KZ", "RU", "NL", "BE", "DE", "TR", "AF", "UZ", "KG", "RS", "FR"};
    private static final LocalDate ON = LocalDate.of(2026, 12, 1);
    private static final int CASES = 2_000;
    private final Disclosure disclosure = new Disclosure(REFERENCE);

    private static Report released(Random r, String agency) {
        Set<String> recipients = new TreeSet<>();
        BODIES.forEach(b -> {
            if (r.nextInt(3) == 0) {
                recipients.add(b);
            }
        });
        Set<String> notReleasable = new TreeSet<>();
        if (r.nextInt(3) == 0) {
            String b = BODIES.get(r.nextInt(BODIES.size()));
            if (!recipients.contains(b)) {
                notReleasable.add(b);
            }
        }
        Set<String> releasable = null;
        if (r.nextInt(4) == 0) {
            releasable = new TreeSet<>(recipients);
            releasable.add(BODIES.get(r.nextInt(BODIES.size())));
            releasable.removeAll(notReleasable);
        }
        Tlp tlp = Tlp.values()[r.nextInt(Tlp.values().length)];
        HandlingCode code = HandlingCode.values()[r.nextInt(HandlingCode.values().length)];
        return new Report(agency, COUNTRIES[r.nextInt(COUNTRIES.length)], new UUID(r.nextLong(), r.nextLong()), 1, false, ON,
                List.of(), Set.of("TJ"), Set.of(), new Report.Released(recipients, tlp, code, notReleasable, releasable));
    }

    /** Membership as the test reads it from the reference data's own tables, not through the code under test. */
    private static boolean member(String body, String country) {
        return REFERENCE.isMember(body, country, ON);
    }

    /** The reason the test expects a notice to {@code to} about {@code other} to be withheld, or null to be sent. */
    private static String expectedReason(Report to, Report other, Set<String> both) {
        Report.Released m = other.released();
        switch (m.tlp()) {
            case RED:
                return "RED";
            case AMBER_STRICT:
                return "AMBER_STRICT";
            default:
                break;
        }
        switch (m.handlingCode()) {
            case H2:
                return "H2";
            case H3:
                return "H3";
            default:
                break;
        }
        if (m.notReleasableTo().stream().anyMatch(b -> member(b, to.agencyCountry()))) {
            return "NOT_RELEASABLE";
        }
        boolean allowed = m.releasableTo() == null;
        for (String body : m.releasableTo() == null ? Set.<String>of() : m.releasableTo()) {
            allowed |= member(body, to.agencyCountry());
        }
        if (!allowed) {
            return "NOT_RELEASABLE";
        }
        return both.isEmpty() ? "NO_COMMON_BODY" : null;
    }

    @Test
    void aHitReachesExactlyTheBodiesThatHoldBothAlerts() {
        Random r = new Random(2201);
        int nonEmpty = 0;
        for (int i = 0; i < CASES; i++) {
            Report a = released(r, "agency-a");
            Report b = released(r, "agency-b");
            Set<String> both = new TreeSet<>();
            for (String body : BODIES) {
                if (a.released().recipients().contains(body) && b.released().recipients().contains(body)) {
                    both.add(body);
                }
            }
            Disclosure.Plan plan = disclosure.of(a, b, ON);
            assertThat(plan.hitTo()).as("case %d", i).containsExactlyElementsOf(both);
            Set<String> excluded = new TreeSet<>(a.released().notReleasableTo());
            excluded.addAll(b.released().notReleasableTo());
            assertThat(plan.hitTo()).as("case %d: neither alert's excluded bodies", i).noneMatch(excluded::contains);
            nonEmpty += both.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("the property was exercised with bodies holding both").isGreaterThan(CASES / 2);
    }

    @Test
    void eachOriginatorGetsANoticeExactlyWhenTheOtherAlertsMarkingsAllowItAndOtherwiseTheReason() {
        Random r = new Random(2202);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            Report a = released(r, "agency-a");
            Report b = released(r, "agency-b");
            Set<String> both = new TreeSet<>(a.released().recipients());
            both.retainAll(b.released().recipients());
            List<String> expectedNotices = new ArrayList<>();
            List<String> expectedWithheld = new ArrayList<>();
            for (Report[] side : new Report[][] {{a, b}, {b, a}}) {
                String reason = expectedReason(side[0], side[1], both);
                if (reason == null) {
                    expectedNotices.add(side[0].agency() + " " + side[0].ref() + " " + both);
                } else {
                    expectedWithheld.add(side[0].agency() + ": " + reason);
                }
                outcomes.merge(reason == null ? "sent" : reason, 1, Integer::sum);
            }
            Disclosure.Plan plan = disclosure.of(a, b, ON);
            assertThat(plan.notices()).as("case %d: a notice names only its own alert and the bodies holding both", i)
                    .extracting(n -> n.agency() + " " + n.alert() + " " + n.askThrough())
                    .containsExactlyElementsOf(expectedNotices);
            assertThat(plan.withheld()).as("case %d", i).containsExactlyElementsOf(expectedWithheld);
        }
        // Every rule was exercised, each many times.
        assertThat(outcomes.keySet())
                .containsExactlyInAnyOrder("sent", "RED", "AMBER_STRICT", "H2", "H3", "NOT_RELEASABLE", "NO_COMMON_BODY");
        assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isGreaterThan(50));
    }

    @Test
    void theReasonsAreNamed() {
        Report a = new Report("tj-drug-control", "TJ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC", "UNODC"), Tlp.AMBER, HandlingCode.H1, Set.of()));
        Report red = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC"), Tlp.RED, HandlingCode.H1, Set.of()));
        Disclosure.Plan plan = disclosure.of(a, red, ON);
        assertThat(plan.hitTo()).containsExactly("CARICC");
        assertThat(plan.withheld()).containsExactly("tj-drug-control: RED");
        assertThat(plan.notices()).singleElement().satisfies(n -> {
            assertThat(n.agency()).isEqualTo("kz-customs");
            assertThat(n.askThrough()).containsExactly("CARICC");
        });
        Report cisExcluded = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("UNODC"), Tlp.AMBER, HandlingCode.H1, Set.of("CIS")));
        assertThat(disclosure.of(a, cisExcluded, ON).withheld()).as("Tajikistan is a CIS member")
                .containsExactly("tj-drug-control: NOT_RELEASABLE");
        List<String> none = new ArrayList<>(disclosure.of(a, new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON,
                List.of(), Set.of("TJ"), Set.of(), new Report.Released(Set.of("EUROPOL"), Tlp.GREEN, HandlingCode.H0, Set.of())), ON)
                .withheld());
        assertThat(none).containsExactly("tj-drug-control: NO_COMMON_BODY", "kz-customs: NO_COMMON_BODY");
        Report europolOnly = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC"), Tlp.AMBER, HandlingCode.H1, Set.of(), Set.of("EUROPOL", "CARICC")));
        assertThat(disclosure.of(a, europolOnly, ON).withheld()).as("Tajikistan is a CARICC member").isEmpty();
        Report euOnly = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC"), Tlp.AMBER, HandlingCode.H1, Set.of(), Set.of("EUROPOL", "EUDA")));
        assertThat(disclosure.of(a, euOnly, ON).withheld()).as("Tajikistan is in neither").containsExactly("tj-drug-control: NOT_RELEASABLE");
        Report toNone = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC"), Tlp.AMBER, HandlingCode.H1, Set.of(), Set.of()));
        assertThat(disclosure.of(a, toNone, ON).withheld()).as("an empty list names no body").containsExactly("tj-drug-control: NOT_RELEASABLE");
        for (Tlp strict : List.of(Tlp.RED, Tlp.AMBER_STRICT)) {
            Report s = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                    new Report.Released(Set.of("CARICC"), strict, HandlingCode.H0, Set.of()));
            assertThat(disclosure.of(a, s, ON).withheld()).containsExactly("tj-drug-control: " + strict);
        }
        Report h3 = new Report("kz-customs", "KZ", UUID.randomUUID(), 1, false, ON, List.of(), Set.of("TJ"), Set.of(),
                new Report.Released(Set.of("CARICC"), Tlp.GREEN, HandlingCode.H3, Set.of()));
        assertThat(disclosure.of(a, h3, ON).withheld()).containsExactly("tj-drug-control: H3");
    }
}
