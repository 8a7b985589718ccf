package org.corridor.consumer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.consumer.Alerts.neutral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** The markings, one at a time. */
class ReleasePolicyTest {

    private static final Set<String> ALL = ReferenceData.defaults().bodyIds();
    private final ReleasePolicy policy = new ReleasePolicy();

    private static SortedMap<String, Set<String>> concerned(String... bodies) {
        SortedMap<String, Set<String>> map = new TreeMap<>();
        for (String b : bodies) {
            map.put(b, Set.of("rule-" + b.toLowerCase()));
        }
        return map;
    }

    private static TraffickingAlert alert(Tlp tlp, HandlingCode code, List<String> addressed, List<String> releasable,
                                          List<String> notReleasable) {
        return neutral().setHandling(new Handling(tlp, code, code == HandlingCode.H3 ? "x" : null,
                new ArrayList<>(addressed), new ArrayList<>(releasable), new ArrayList<>(notReleasable), false)).build();
    }

    private WithholdReason reasonFor(Decision d, String body) {
        return d.withheld().stream().filter(w -> w.body().equals(body)).findFirst().orElseThrow().reason();
    }

    @Test
    void greenGoesToEveryConcernedBodyAndNoOther() {
        Decision d = policy.decide(alert(Tlp.GREEN, HandlingCode.H0, List.of(), List.of(), List.of()),
                concerned("UNODC", "SELEC"), ALL);
        assertThat(d.recipients()).containsExactly("SELEC", "UNODC");
        assertThat(d.withheld()).hasSize(11).allSatisfy(w -> assertThat(w.reason()).isEqualTo(WithholdReason.NOT_CONCERNED));
    }

    @Test
    void amberReachesConcernedAndAddressedBodies() {
        Decision d = policy.decide(alert(Tlp.AMBER, HandlingCode.H0, List.of("CARICC"), List.of(), List.of()),
                concerned("UNODC"), ALL);
        assertThat(d.recipients()).containsExactly("CARICC", "UNODC");
        assertThat(d.rulesFor("CARICC")).containsExactly(ReleasePolicy.ADDRESSED);
    }

    @Test
    void redGoesOnlyToAddressees() {
        Decision d = policy.decide(alert(Tlp.RED, HandlingCode.H0, List.of("EUROPOL"), List.of(), List.of()),
                concerned("UNODC", "EUROPOL", "INCB"), ALL);
        assertThat(d.recipients()).containsExactly("EUROPOL");
        assertThat(reasonFor(d, "UNODC")).isEqualTo(WithholdReason.TLP_RED_NOT_ADDRESSED);
        assertThat(reasonFor(d, "INCB")).isEqualTo(WithholdReason.TLP_RED_NOT_ADDRESSED);
    }

    @Test
    void notReleasableAlwaysWins() {
        Decision d = policy.decide(alert(Tlp.CLEAR, HandlingCode.H0, List.of("OSCE"), List.of("OSCE", "UNODC"), List.of("OSCE")),
                concerned("OSCE", "UNODC"), ALL);
        assertThat(d.recipients()).containsExactly("UNODC");
        assertThat(reasonFor(d, "OSCE")).isEqualTo(WithholdReason.NOT_RELEASABLE);
    }

    @Test
    void releasableListRestricts() {
        Decision d = policy.decide(alert(Tlp.GREEN, HandlingCode.H0, List.of(), List.of("UNODC"), List.of()),
                concerned("UNODC", "INCB"), ALL);
        assertThat(d.recipients()).containsExactly("UNODC");
        assertThat(reasonFor(d, "INCB")).isEqualTo(WithholdReason.OUTSIDE_RELEASABLE_LIST);
    }

    @Test
    void h2GoesOnlyToAddressees() {
        Decision d = policy.decide(alert(Tlp.GREEN, HandlingCode.H2, List.of("INCB"), List.of(), List.of()),
                concerned("UNODC", "INCB"), ALL);
        assertThat(d.recipients()).containsExactly("INCB");
        assertThat(reasonFor(d, "UNODC")).isEqualTo(WithholdReason.H2_NOT_ADDRESSED);
    }

    @Test
    void everyBodyIsAccountedForOnce() {
        Decision d = policy.decide(alert(Tlp.AMBER, HandlingCode.H1, List.of("SCO"), List.of(), List.of("CIS")),
                concerned("CIS", "CICA"), ALL);
        assertThat(d.recipients()).containsExactly("CICA", "SCO");
        assertThat(d.withheld()).extracting(Withheld::body).doesNotContainAnyElementsOf(d.recipients()).hasSize(11);
    }
}
