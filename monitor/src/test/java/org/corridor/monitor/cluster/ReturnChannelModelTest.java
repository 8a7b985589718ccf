package org.corridor.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import java.time.Instant;
import java.util.List;

import org.corridor.producer.status.ReturnChannelGauges;
import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.avro.InboxReceipt;
import org.junit.jupiter.api.Test;

/**
 * The monitor's view of the return channel: the agency service's counts as scraped (by the names that service
 * exports), joined with the inbox receipts per party; bodies first, then agencies.
 */
class ReturnChannelModelTest {

    private static final PrometheusNamingConvention PROMETHEUS = new PrometheusNamingConvention();

    @Test
    void theScrapedNamesAreTheOnesTheAgencyServiceExports() {
        assertThat(ScrapedThreads.OPEN).isEqualTo(PROMETHEUS.name(ReturnChannelGauges.OPEN, Meter.Type.GAUGE));
        assertThat(ScrapedThreads.OVERDUE).isEqualTo(PROMETHEUS.name(ReturnChannelGauges.OVERDUE, Meter.Type.GAUGE));
        assertThat(ScrapedThreads.FEEDBACK_ALERTS).isEqualTo(PROMETHEUS.name(ReturnChannelGauges.FEEDBACK_ALERTS, Meter.Type.GAUGE));
        assertThat(ScrapedThreads.FEEDBACK_OUTCOMES).isEqualTo(PROMETHEUS.name(ReturnChannelGauges.FEEDBACK_OUTCOMES, Meter.Type.GAUGE));
        assertThat(ScrapedThreads.COUNTED_AT).isEqualTo(PROMETHEUS.name(ReturnChannelGauges.COUNTED_AT, Meter.Type.GAUGE));
    }

    @Test
    void countsAndInboxReceiptsMeetPerPartyAndFeedbackIsAShare() {
        ScrapedThreads threads = ScrapedThreads.from(PrometheusText.parse("""
                # HELP corridor_ingest_questions_open Questions
                corridor_ingest_questions_open{kind="body",party="PARIS_PACT"} 2.0
                corridor_ingest_questions_overdue{kind="body",party="PARIS_PACT"} 1.0
                corridor_ingest_questions_open{kind="agency",party="tj-drug-control"} 2.0
                corridor_ingest_questions_overdue{kind="agency",party="tj-drug-control"} 1.0
                corridor_ingest_feedback_alerts{body="UNODC"} 4.0
                corridor_ingest_feedback_outcomes{body="UNODC"} 3.0
                corridor_ingest_return_channel_counted_at 1.7966E9
                """));
        InboxTally inboxes = new InboxTally();
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        inboxes.add(receipt("agency-tj-drug-control", InboxDeliveryStatus.DELIVERED, at));
        inboxes.add(receipt("body-paris-pact", InboxDeliveryStatus.FAILED, at));
        inboxes.add(receipt("body-paris-pact", InboxDeliveryStatus.DELIVERED, at.plusSeconds(1)));
        inboxes.add(receipt("body-unodc", InboxDeliveryStatus.REFUSED, at));
        inboxes.add(receipt("agency-tj-drug-control", InboxDeliveryStatus.ESCALATED, at));

        HealthReport.ReturnChannel rc = HealthModel.returnChannel(threads, inboxes, List.of("UNODC", "PARIS_PACT"));

        assertThat(rc.measured()).isTrue();
        assertThat(rc.countedAt()).isEqualTo(Instant.ofEpochSecond(1_796_600_000L));
        assertThat(rc.parties()).extracting(HealthReport.PartyThreads::party)
                .containsExactly("body-paris-pact", "body-unodc", "agency-tj-drug-control");
        assertThat(rc.parties().get(0)).isEqualTo(new HealthReport.PartyThreads("body-paris-pact", "body", "PARIS_PACT", 2, 1,
                1, 1, 0, 0, at.plusSeconds(1)));
        assertThat(rc.parties().get(1).inboxRefused()).isEqualTo(1);
        assertThat(rc.parties().get(2).openQuestions()).isEqualTo(2);
        assertThat(rc.parties().get(2).escalatedQuestions()).isEqualTo(1);
        assertThat(rc.parties().get(2).inboxDelivered()).as("an escalation is no delivery").isEqualTo(1);
        assertThat(rc.feedback()).containsExactly(new HealthReport.BodyFeedback("PARIS_PACT", 0, 0, null),
                new HealthReport.BodyFeedback("UNODC", 4, 3, 0.75));
    }

    @Test
    void withoutTheAgencyServiceOnlyTheInboxesAreShownAndNothingIsMeasured() {
        InboxTally inboxes = new InboxTally();
        inboxes.add(receipt("body-caricc", InboxDeliveryStatus.DELIVERED, Instant.EPOCH));
        HealthReport.ReturnChannel rc = HealthModel.returnChannel(ScrapedThreads.from(PrometheusText.parse(
                "corridor_ingest_questions_open{kind=\"body\",party=\"CARICC\"} 2.0\n")), inboxes, List.of("CARICC"));
        assertThat(rc.measured()).as("no count time: the counts are not trusted").isFalse();
        assertThat(rc.parties()).singleElement().satisfies(p -> assertThat(p.inboxDelivered()).isEqualTo(1));
        assertThat(rc.feedback()).containsExactly(new HealthReport.BodyFeedback("CARICC", 0, 0, null));
    }

    private static InboxReceipt receipt(String party, InboxDeliveryStatus status, Instant at) {
        return new InboxReceipt(party, java.util.UUID.randomUUID(), "tj-drug-control", java.util.UUID.randomUUID(), 2, status,
                at, 1, null);
    }

}
