package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The return channel's counts: a body's open questions are the ones it asked, an agency's the ones asked on its
 * alerts; overdue is past the due time; the feedback rate counts only the alerts delivered at least the age ago.
 */
class ReturnChannelCountsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static AlertStatus.BodyState body(AlertStatus status, String body) {
        return status.bodies.computeIfAbsent(body, b -> new AlertStatus.BodyState());
    }

    @Test
    void questionsCountForTheAskingBodyAndTheOwingAgencyAndFeedbackOnlyForOldEnoughAlerts() {
        AlertStatus heroin = new AlertStatus("a-1", "tj-drug-control");
        body(heroin, "CARICC").openQuestions.put("q-1", NOW.minusSeconds(60));
        body(heroin, "CARICC").openQuestions.put("q-2", NOW.plusSeconds(3600));
        body(heroin, "CARICC").deliveredAt = NOW.minus(Duration.ofDays(20));
        body(heroin, "UNODC").deliveredAt = NOW.minus(Duration.ofDays(20));
        body(heroin, "UNODC").outcome = "SEIZED";
        body(heroin, "INCB").deliveredAt = NOW.minus(Duration.ofDays(14));
        body(heroin, "EUROPOL").deliveredAt = NOW.minus(Duration.ofDays(2));
        body(heroin, "EUROPOL").outcome = "NO_ACTION";
        body(heroin, "OSCE").withheldVersion = 1;
        AlertStatus precursor = new AlertStatus("a-2", "kz-customs");
        body(precursor, "CARICC").openQuestions.put("q-3", NOW.plusSeconds(60));
        body(precursor, "UNODC").deliveredAt = NOW.minus(Duration.ofDays(30));

        ReturnChannelCounts counts = new ReturnChannelCounts(NOW, Duration.ofDays(14));
        counts.add(heroin);
        counts.add(precursor);

        assertThat(counts.bodies()).containsOnlyKeys("CARICC");
        assertThat(counts.bodies().get("CARICC")).isEqualTo(new ReturnChannelCounts.Questions(3, 1));
        assertThat(counts.agencies().get("tj-drug-control")).isEqualTo(new ReturnChannelCounts.Questions(2, 1));
        assertThat(counts.agencies().get("kz-customs")).isEqualTo(new ReturnChannelCounts.Questions(1, 0));
        assertThat(counts.feedback()).as("EUROPOL's alert is too recent, OSCE never had one").containsOnlyKeys("CARICC", "UNODC", "INCB");
        assertThat(counts.feedback().get("UNODC")).isEqualTo(new ReturnChannelCounts.Feedback(2, 1));
        assertThat(counts.feedback().get("UNODC").rate()).isEqualTo(0.5);
        assertThat(counts.feedback().get("INCB").rate()).as("exactly the age counts").isZero();
        assertThat(new ReturnChannelCounts.Feedback(0, 0).rate()).isNaN();
    }
}
