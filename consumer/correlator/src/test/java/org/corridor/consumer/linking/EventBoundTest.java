package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.GroundTruth;
import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.junit.jupiter.api.Test;

/**
 * The footprints a first version is screened by ({@link Matcher#mayLinkByEvent}) never hide an event link: for every
 * pair of reports the matcher links as one event, some event key they are compared under says it may link them. And
 * they do screen: most pairs compared under an event key that the matcher does not link are passed over.
 */
class EventBoundTest {

    private final MatchSettings settings = MatchSettings.DEFAULTS;
    private final Matcher matcher = new Matcher(settings);

    @Test
    void noEventLinkIsScreenedOutAndMostOtherPairsAre() {
        List<Report> reports = new ArrayList<>(GroundTruth.generate(3107, 300).reports());
        // The benchmark's alerts, their events within three weeks so that many share keys: varied amounts, units,
        // missing quantities, several substances (some by CAS number) and routes.
        for (int i = 0; i < 1500; i++) {
            TraffickingAlert a = SampleAlerts.random(7_000 + i);
            a.setOccurredOn(SampleAlerts.SAMPLE_DATE.minusDays(i % 21));
            a.setAlertId(new UUID(i, 3107));
            a.setOriginAgency(new Agency("agency-" + i % 6, "TJ", "Agency"));
            reports.add(Report.of(a, new Report.Released(Set.of("UNODC"), Tlp.AMBER, HandlingCode.H1, Set.of())));
        }
        int eventLinks = 0;
        int compared = 0;
        int screened = 0;
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                Report a = reports.get(i);
                Report b = reports.get(j);
                int[] keys = sharedEventKeys(a, b);  // {compared under, of which may link}
                if (keys[0] == 0) {
                    continue;
                }
                boolean event = matcher.verdict(a, b).link().map(l -> l.kind() == Link.Kind.EVENT).orElse(false);
                if (event) {
                    eventLinks++;
                    if (keys[1] == 0) {
                        hidden.add(a.ref() + " ~ " + b.ref());
                    }
                } else if (matcher.verdict(a, b).link().isEmpty()) {
                    compared++;
                    screened += keys[1] == 0 ? 1 : 0;
                }
            }
        }
        System.out.printf("EventBoundTest: %d event links, none hidden: %b; %d unlinked pairs compared under an event key, "
                + "%d (%.1f %%) screened out%n", eventLinks, hidden.isEmpty(), compared, screened, 100.0 * screened / compared);
        assertThat(eventLinks).as("the sample must hold event links to say anything").isGreaterThan(1_000);
        assertThat(hidden).as("event links no shared key's footprints allow").isEmpty();
        assertThat((double) screened / compared).as("share of unlinked pairs screened out").isGreaterThan(0.8);
    }

    /** How many of the event keys {@code a} is filed under {@code b} is compared with, and how many of those may link. */
    private int[] sharedEventKeys(Report a, Report b) {
        Set<String> theirs = Blocks.of(b, settings);
        int under = 0;
        int may = 0;
        for (String key : Blocks.of(a, settings)) {
            String substance = Blocks.substance(key);
            if (substance == null) {
                continue;
            }
            for (String near : Blocks.compared(key)) {
                if (theirs.contains(near)) {
                    under++;
                    may += matcher.mayLinkByEvent(Footprint.of(a, substance), Footprint.of(b, substance)) ? 1 : 0;
                }
            }
        }
        return new int[] {under, may};
    }
}
