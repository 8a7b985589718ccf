package org.corridor.bench.routed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridor.schemas.avro.RoutedVersion;
import org.junit.jupiter.api.Test;

/** The replayed input is what the router writes: each alert with its own first version's decision, keyed by its ref. */
class RoutedVersionsTest {

    @Test
    void eachVersionCarriesTheDecisionOfItsOwnAlert() {
        List<RoutedVersion> versions = new RoutedVersions().of(500, List.of("tj-drug-control", "kz-customs"), 0);
        assertThat(versions).hasSize(500);
        long reachingSomeBody = 0;
        for (RoutedVersion v : versions) {
            assertThat(v.getDecision().getAlertId()).isEqualTo(v.getAlert().getAlertId());
            assertThat(v.getDecision().getAlertVersion()).isEqualTo(v.getAlert().getVersion()).isEqualTo(1);
            assertThat(v.getDecision().getOriginAgency()).isEqualTo(v.getAlert().getOriginAgency().getAgencyId());
            assertThat(v.getDecision().getEffectiveMarkings()).isNotNull();
            assertThat(v.getDecision().getRouterInstance()).isEqualTo(RoutedVersions.INSTANCE);
            assertThat(RoutedVersions.key(v)).isEqualTo(v.getAlert().getOriginAgency().getAgencyId() + "/" + v.getAlert().getAlertId());
            reachingSomeBody += v.getDecision().getRecipients().isEmpty() ? 0 : 1;
        }
        assertThat(reachingSomeBody).as("the router's rules send most generated alerts somewhere").isGreaterThan(400);
        assertThat(versions.get(0).getAlert().getOriginAgency().getAgencyId()).isEqualTo("tj-drug-control");
        assertThat(versions.get(1).getAlert().getOriginAgency().getAgencyId()).isEqualTo("kz-customs");
    }
}
