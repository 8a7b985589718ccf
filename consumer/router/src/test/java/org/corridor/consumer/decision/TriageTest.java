package org.corridor.consumer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.corridor.consumer.Alerts;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.router.AlertTemplates;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.validation.AlertValidator;
import org.junit.jupiter.api.Test;

/** The accept-or-dead-letter decision for inbound records, without a broker: each rule in the documented order. */
class TriageTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final AlertValidator VALIDATOR =
            new AlertValidator(REFERENCE, Clock.fixed(Instant.parse("2026-11-03T00:00:00Z"), ZoneOffset.UTC));
    private static final RouteDecider DECIDER =
            new RouteDecider(new Relevance(RoutingRules.defaults(REFERENCE), REFERENCE), new ReleasePolicy(), REFERENCE.bodyIds());

    private final Triage triage = new Triage(VALIDATOR, DECIDER);

    private static AlertTemplates.Template template() {
        return AlertTemplates.templates().get(0);
    }

    private static TraffickingAlert alert() {
        return TraffickingAlert.newBuilder(template().alert().build()).setAlertId(UUID.randomUUID()).build();
    }

    private static String agency(TraffickingAlert a) {
        return a.getOriginAgency().getAgencyId();
    }

    @Test
    void aValidAlertOfTheTopicsAgencyKeyedByItsIdIsAcceptedAndRoutedToItsBodies() {
        TraffickingAlert a = alert();
        Outcome accepted = triage.accept(agency(a), a.getAlertId().toString(), new Decoded.Alert(a));
        assertThat(accepted).isEqualTo(new Outcome.Accepted(a));

        Outcome routed = triage.decide(a, History.NONE);
        assertThat(routed).isInstanceOf(Outcome.Routed.class);
        assertThat(((Outcome.Routed) routed).decision().recipients()).containsExactlyInAnyOrderElementsOf(template().expected());
    }

    @Test
    void aDecodingFailureKeepsTheDecodersCodeAndReason() {
        assertThat(triage.accept("nl-police", "k", new Decoded.Failed(DeadLetter.UNKNOWN_SCHEMA, "schema id 99 is not registered")))
                .isEqualTo(new DeadLetter(DeadLetter.UNKNOWN_SCHEMA, "schema id 99 is not registered"));
        assertThat(triage.accept("nl-police", "k", new Decoded.Failed(DeadLetter.RETRIES_EXHAUSTED, "registry down")))
                .isEqualTo(new DeadLetter(DeadLetter.RETRIES_EXHAUSTED, "registry down"));
    }

    @Test
    void aTombstoneIsUndecodable() {
        assertThat(triage.accept("nl-police", "k", new Decoded.Empty()))
                .isEqualTo(new DeadLetter(DeadLetter.UNDECODABLE, "empty record value (tombstone)"));
    }

    @Test
    void anInvalidAlertNamesEveryViolationByField() {
        TraffickingAlert a = TraffickingAlert.newBuilder(alert()).setSummary("").setRoute(Alerts.route("XX", null, java.util.List.of(), null)).build();
        Outcome out = triage.accept(agency(a), a.getAlertId().toString(), new Decoded.Alert(a));
        assertThat(out).isInstanceOf(DeadLetter.class);
        DeadLetter dead = (DeadLetter) out;
        assertThat(dead.code()).isEqualTo(DeadLetter.INVALID);
        assertThat(dead.reason()).contains("summary").contains("route.eventCountry").contains("; ");
    }

    @Test
    void anAlertOfAnotherAgencyOnThisAgencysTopicIsSpoofed() {
        TraffickingAlert a = TraffickingAlert.newBuilder(alert()).setOriginAgency(new Agency("de-bka", "DE", "BKA")).build();
        assertThat(triage.accept("nl-police", a.getAlertId().toString(), new Decoded.Alert(a))).isEqualTo(new DeadLetter(
                DeadLetter.SPOOFED, "originAgency.agencyId \"de-bka\" does not match the topic's agency \"nl-police\""));
    }

    @Test
    void theSpoofCheckComesBeforeTheKeyCheck() {
        TraffickingAlert a = TraffickingAlert.newBuilder(alert()).setOriginAgency(new Agency("de-bka", "DE", "BKA")).build();
        assertThat(((DeadLetter) triage.accept("nl-police", "not-the-id", new Decoded.Alert(a))).code()).isEqualTo(DeadLetter.SPOOFED);
    }

    @Test
    void aRecordKeyOtherThanTheAlertIdIsInvalid() {
        TraffickingAlert a = alert();
        assertThat(triage.accept(agency(a), "another-id", new Decoded.Alert(a))).isEqualTo(new DeadLetter(DeadLetter.INVALID,
                "record key \"another-id\" is not the alert id " + a.getAlertId()));
        assertThat(triage.accept(agency(a), null, new Decoded.Alert(a))).isEqualTo(new DeadLetter(DeadLetter.INVALID,
                "record key \"null\" is not the alert id " + a.getAlertId()));
    }

    @Test
    void aDecisionThatThrowsIsRoutingFailedNotAnException() {
        // A decider over no list of bodies fails inside the release policy: a bug, which must not stall routing.
        Triage broken = new Triage(VALIDATOR, new RouteDecider(new Relevance(RoutingRules.defaults(REFERENCE), REFERENCE),
                new ReleasePolicy(), null));
        Outcome out = broken.decide(alert(), History.NONE);
        assertThat(out).isInstanceOf(DeadLetter.class);
        assertThat(((DeadLetter) out).code()).isEqualTo(DeadLetter.ROUTING_FAILED);
        assertThat(((DeadLetter) out).reason()).startsWith("the routing decision failed: java.lang.NullPointerException");
    }

    @Test
    void aCorrectionStillReachesTheBodiesThatReceivedAnEarlierVersion() {
        TraffickingAlert a = alert();
        String earlier = REFERENCE.bodyIds().stream().filter(b -> !template().expected().contains(b)).findFirst().orElseThrow();
        Outcome.Routed out = (Outcome.Routed) triage.decide(a, History.legacy(Set.of(earlier)));
        assertThat(out.previousRecipients()).containsExactly(earlier);
        assertThat(out.decision().recipients()).contains(earlier).containsAll(template().expected());
    }

    @Test
    void anIdThatAnotherAgencyOwnsIsACollision() {
        TraffickingAlert a = alert();
        History owned = History.NONE.next("kz-customs", 1, org.corridor.consumer.policy.Markings.of(a.getHandling()), Set.of("CARICC"));
        Outcome out = triage.decide(a, owned);
        assertThat(out).isEqualTo(new DeadLetter(DeadLetter.ID_COLLISION, "alert id " + a.getAlertId()
                + " belongs to agency \"kz-customs\"; \"" + agency(a) + "\" must publish under an id of its own"));
    }

    @Test
    void aRepeatedOrOlderVersionIsStale() {
        TraffickingAlert a = TraffickingAlert.newBuilder(alert()).setVersion(2).setLifecycle(org.corridor.schemas.avro.Lifecycle.UPDATE).build();
        History routed = History.NONE.next(agency(a), 2, org.corridor.consumer.policy.Markings.of(a.getHandling()), Set.of());
        assertThat(((DeadLetter) triage.decide(a, routed)).code()).isEqualTo(DeadLetter.STALE_VERSION);
        History later = History.NONE.next(agency(a), 3, org.corridor.consumer.policy.Markings.of(a.getHandling()), Set.of());
        assertThat(triage.decide(a, later)).isEqualTo(new DeadLetter(DeadLetter.STALE_VERSION, "version 2 of alert "
                + a.getAlertId() + " is not after version 3, the highest already routed"));
        History legacy = History.legacy(Set.of("UNODC"));
        assertThat(triage.decide(a, legacy)).isInstanceOf(Outcome.Routed.class);
    }

    @Test
    void aCorrectionThatLeavesOutAnExclusionInheritsIt() {
        TraffickingAlert v1 = alert();
        v1.getHandling().setNotReleasableTo(new java.util.ArrayList<>(java.util.List.of("OSCE")));
        Outcome.Routed r1 = (Outcome.Routed) triage.decide(v1, History.NONE);
        assertThat(r1.decision().recipients()).doesNotContain("OSCE");
        TraffickingAlert v2 = TraffickingAlert.newBuilder(alert()).setAlertId(v1.getAlertId()).setVersion(2)
                .setLifecycle(org.corridor.schemas.avro.Lifecycle.UPDATE).build();
        Outcome.Routed r2 = (Outcome.Routed) triage.decide(v2, r1.history());
        assertThat(r2.decision().recipients()).doesNotContain("OSCE").contains("UNODC");
        assertThat(r2.markings().inherited()).containsExactly("notReleasableTo");
        assertThat(r2.released().getHandling().getNotReleasableTo()).containsExactly("OSCE");
        assertThat(r2.releasedAsPublished()).isFalse();
        assertThat(r2.history()).isEqualTo(new History(agency(v1), 2, r2.markings().effective(), r1.decision().recipients(),
                new java.util.TreeMap<>(java.util.Map.of(1, new Released(r1.markings().effective(), r1.decision().recipients()),
                        2, new Released(r2.markings().effective(), r2.decision().recipients())))));
        assertThat(r2.history().released(2).markings().notReleasableTo()).as("each version's own markings").containsExactly("OSCE");

        TraffickingAlert relaxing = TraffickingAlert.newBuilder(v2).setVersion(3).build();
        relaxing.getHandling().setRelaxes(true);
        Outcome.Routed r3 = (Outcome.Routed) triage.decide(relaxing, r2.history());
        assertThat(r3.decision().recipients()).contains("OSCE");
        assertThat(r3.markings().relaxed()).containsExactly("notReleasableTo");
    }

    @Test
    void aRetractionGoesToExactlyTheEarlierRecipientsWithoutContent() {
        TraffickingAlert v1 = alert();
        History h = History.NONE.next(agency(v1), 1, org.corridor.consumer.policy.Markings.of(v1.getHandling()), Set.of("INCB"));
        TraffickingAlert retraction = TraffickingAlert.newBuilder(v1).setVersion(2)
                .setLifecycle(org.corridor.schemas.avro.Lifecycle.RETRACTION).setRetractionReason("reported twice").build();
        Outcome.Routed r = (Outcome.Routed) triage.decide(retraction, h);
        assertThat(r.decision().recipients()).containsExactly("INCB");
        assertThat(r.decision().matchedRules()).containsOnlyKeys("INCB");
        assertThat(r.decision().withheld()).hasSize(REFERENCE.bodyIds().size() - 1);
        TraffickingAlert out = r.released();
        assertThat(out.getSubstances()).allSatisfy(sub -> {
            assertThat(sub.getName()).isEqualTo(Retractions.WITHHELD);
            assertThat(sub.getQuantity()).isNull();
        });
        assertThat(out.getSummary()).isEqualTo(Retractions.SUMMARY);
        assertThat(out.getDetails()).isNull();
        assertThat(out.getRetractionReason()).isEqualTo("reported twice");
        assertThat(out.getAlertId()).isEqualTo(v1.getAlertId());
        assertThat(out.getVersion()).isEqualTo(2);
        assertThat(out.getHandling().getTlp()).isEqualTo(v1.getHandling().getTlp());
        assertThat(VALIDATOR.validate(out)).isEmpty();
        assertThat(((Outcome.Routed) triage.decide(retraction, History.NONE)).decision().recipients()).isEmpty();
    }
}
