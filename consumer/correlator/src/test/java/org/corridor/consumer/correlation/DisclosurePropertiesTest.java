package org.corridor.consumer.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Over seeded generated pairs of released reports (2,000 each): nobody learns of a link through an alert whose
 * markings exclude them. A hit reaches only bodies that hold both alerts; a notice carries nothing of the other
 * alert and is never sent under a RED or H2 alert, nor to an agency of a country that is a member of a body the other
 * alert excludes.
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
        Tlp tlp = Tlp.values()[r.nextInt(Tlp.values().length)];
        HandlingCode code = HandlingCode.values()[r.nextInt(HandlingCode.values().length)];
        return new Report(agency, COUNTRIES[r.nextInt(COUNTRIES.length)], new UUID(r.nextLong(), r.nextLong()), 1, false, ON,
                List.of(), Set.of("TJ"), Set.of(), new Report.Released(recipients, tlp, code, notReleasable));
    }

    private static boolean excludes(Report other, Report to) {
        Report.Released m = other.released();
        return m.tlp() == Tlp.RED || m.handlingCode() == HandlingCode.H2
                || m.notReleasableTo().stream().anyMatch(b -> REFERENCE.isMember(b, to.agencyCountry(), ON));
    }

    @Test
    void aHitReachesOnlyBodiesThatHoldBothAlerts() {
        Random r = new Random(2201);
        for (int i = 0; i < CASES; i++) {
            Report a = released(r, "agency-a");
            Report b = released(r, "agency-b");
            Disclosure.Plan plan = disclosure.of(a, b, ON);
            assertThat(a.released().recipients()).as("case %d", i).containsAll(plan.hitTo());
            assertThat(b.released().recipients()).as("case %d", i).containsAll(plan.hitTo());
            Set<String> excluded = new TreeSet<>(a.released().notReleasableTo());
            excluded.addAll(b.released().notReleasableTo());
            assertThat(plan.hitTo()).as("case %d: neither alert's excluded bodies", i).noneMatch(excluded::contains);
        }
    }

    @Test
    void aNoticeIsNeverSentUnderMarkingsThatExcludeTheAgency() {
        Random r = new Random(2202);
        int sent = 0;
        int withheld = 0;
        for (int i = 0; i < CASES; i++) {
            Report a = released(r, "agency-a");
            Report b = released(r, "agency-b");
            Disclosure.Plan plan = disclosure.of(a, b, ON);
            for (Disclosure.Notice n : plan.notices()) {
                Report to = n.agency().equals(a.agency()) ? a : b;
                Report other = to == a ? b : a;
                assertThat(excludes(other, to)).as("case %d: notice to %s under %s", i, to.agency(), other.released()).isFalse();
                assertThat(n.alert()).as("case %d: only its own alert", i).isEqualTo(to.ref());
                assertThat(n.askThrough()).as("case %d", i).isEqualTo(plan.hitTo()).isNotEmpty();
                sent++;
            }
            withheld += plan.withheld().size();
            assertThat(plan.notices().size() + plan.withheld().size()).as("case %d: each originator decided once", i).isEqualTo(2);
        }
        assertThat(sent).as("the property was exercised both ways").isGreaterThan(200);
        assertThat(withheld).isGreaterThan(200);
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
    }
}
