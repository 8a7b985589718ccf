package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertStatusesTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final TopicPartition AUDIT = new TopicPartition("alerts.audit", 0);
    private static final TopicPartition RECEIPTS = new TopicPartition("alerts.receipts", 0);

    private final StateStore store = StateStore.temporary("alert-statuses-test");
    private final AlertStatuses statuses = new AlertStatuses(store);
    private long auditOffset;
    private long receiptsOffset;

    @AfterEach
    void close() {
        store.close();
    }

    private static RoutingDecision decision(UUID id, String... recipients) {
        return decision("kz-customs", id, 1, recipients);
    }

    private static RoutingDecision decision(String agency, UUID id, int version, String... recipients) {
        return new RoutingDecision(id, version, agency, List.of(recipients), List.of(), List.of(), AT, "router-1", null, null, null, null);
    }

    private static RoutingDecision response(UUID id, String responderKind, String responder, String kind, UUID responseId,
                                            UUID inReplyTo, String outcome, String... recipients) {
        return new RoutingDecision(id, 1, "kz-customs", List.of(recipients), List.of(), List.of(), AT, "router-1", null, null,
                null, new org.corridor.schemas.avro.ResponseRouting(responseId, responderKind, responder, kind, inReplyTo,
                        false, outcome, null, "PRIORITY"));
    }

    private static DeliveryReceipt delivered(UUID id, String body) {
        return receipt("kz-customs", id, 1, body, DeliveryStatus.DELIVERED);
    }

    private static DeliveryReceipt receipt(String agency, UUID id, int version, String body, DeliveryStatus status) {
        return new DeliveryReceipt(body, id, version, status, AT.plusSeconds(1), 1, "priority=ROUTINE", agency);
    }

    /** Applies the records as the view reads them: each at the next offset of its topic. */
    private void read(RoutingDecision d) {
        statuses.apply(d, AUDIT, auditOffset++);
    }

    private void read(DeliveryReceipt r) {
        statuses.apply(r, RECEIPTS, receiptsOffset++);
    }

    private String status(String agency, UUID id) {
        return statuses.status(agency, id.toString()).orElseThrow().toString();
    }

    @Test
    void listsOnlyTheAgencysOwnAlertsTheMostRecentlyRoutedFirstUpToTheLimit() {
        for (int i = 0; i < 30; i++) {
            read(new RoutingDecision(new UUID(0, i), 1, "kz-customs", List.of("UNODC"), List.of(), List.of(),
                    AT.plusSeconds(i), "router-1", null, null, null, null));
        }
        read(decision("tj-drug-control", new UUID(0, 99), 1, "CARICC"));
        List<String> listed = statuses.statuses("kz-customs", 10).stream().map(o -> o.get("alertId").asString()).toList();
        assertThat(listed).hasSize(10).first().isEqualTo(new UUID(0, 29).toString());
        assertThat(listed.get(9)).isEqualTo(new UUID(0, 20).toString());
        assertThat(statuses.statuses("kz-customs", 500)).hasSize(30)
                .allMatch(o -> o.get("originAgency").asString().equals("kz-customs"));
        assertThat(statuses.statuses("tj-drug-control", 500)).singleElement()
                .satisfies(o -> assertThat(o.get("alertId").asString()).isEqualTo(new UUID(0, 99).toString()));
        assertThat(statuses.statuses("de-bka", 500)).isEmpty();
    }

    @Test
    void answersForEveryAlertItHasRead() {
        UUID[] ids = new UUID[500];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new UUID(0, i);
            read(decision(ids[i], "UNODC"));
        }
        assertThat(status("kz-customs", ids[0])).contains("\"UNODC\":{\"state\":\"ROUTED\"");
        assertThat(status("kz-customs", ids[499])).contains("\"UNODC\":{\"state\":\"ROUTED\"");
        assertThat(statuses.status("kz-customs", new UUID(1, 0).toString())).isEmpty();
    }

    @Test
    void aReceiptBeforeItsDecisionIsAppliedWhenTheDecisionComes() {
        UUID id = UUID.randomUUID();
        read(delivered(id, "UNODC"));
        assertThat(statuses.status("kz-customs", id.toString())).isEmpty();
        read(decision(id, "UNODC"));
        assertThat(status("kz-customs", id)).contains("\"UNODC\":{\"state\":\"DELIVERED\"");
        assertThat(statuses.status("another-agency", id.toString())).as("another agency's alert").isEmpty();
        assertThat(store.get("early/kz-customs/" + id)).as("the early receipt, once applied").isNull();
    }

    /** After a crash the view is handed again the records since its checkpoint: they change nothing. */
    @Test
    void recordsHandedAgainChangeNothing() {
        UUID id = UUID.randomUUID();
        DeliveryReceipt failed = receipt("kz-customs", id, 1, "UNODC", DeliveryStatus.FAILED);
        statuses.apply(failed, RECEIPTS, 0);
        statuses.apply(decision(id, "UNODC", "OSCE"), AUDIT, 0);
        statuses.apply(failed, RECEIPTS, 1);
        statuses.apply(receipt("kz-customs", id, 1, "OSCE", DeliveryStatus.DELIVERED), RECEIPTS, 2);
        String once = status("kz-customs", id);
        assertThat(once).contains("\"failedAttempts\":2", "\"OSCE\":{\"state\":\"DELIVERED\"");

        // The same records again, from both topics' checkpoints.
        statuses.apply(failed, RECEIPTS, 0);
        statuses.apply(decision(id, "UNODC", "OSCE"), AUDIT, 0);
        statuses.apply(failed, RECEIPTS, 1);
        statuses.apply(receipt("kz-customs", id, 1, "OSCE", DeliveryStatus.DELIVERED), RECEIPTS, 2);
        assertThat(status("kz-customs", id)).isEqualTo(once);
        // A receipt read twice before its decision still counts once.
        UUID other = UUID.randomUUID();
        DeliveryReceipt early = receipt("kz-customs", other, 1, "UNODC", DeliveryStatus.FAILED);
        statuses.apply(early, RECEIPTS, 3);
        statuses.apply(early, RECEIPTS, 3);
        statuses.apply(decision(other, "UNODC"), AUDIT, 1);
        assertThat(status("kz-customs", other)).contains("\"failedAttempts\":1");
    }

    /** The statuses are the store's: a view opened again over it answers the same, with nothing read again. */
    @Test
    void aNewViewOverTheSameStoreAnswersTheSame() {
        UUID id = UUID.randomUUID();
        read(decision(id, "UNODC", "OSCE"));
        read(receipt("kz-customs", id, 1, "UNODC", DeliveryStatus.ACKNOWLEDGED));
        String before = status("kz-customs", id);
        AlertStatuses reopened = new AlertStatuses(store);
        assertThat(reopened.status("kz-customs", id.toString()).orElseThrow().toString()).isEqualTo(before)
                .contains("\"UNODC\":{\"state\":\"ACKNOWLEDGED\"", "\"OSCE\":{\"state\":\"ROUTED\"");
    }

    /** An alert id is its agency's: two agencies' alerts with one id are two statuses, whatever order things come in. */
    @Test
    void twoAgenciesAlertsWithTheSameIdNeverMix() {
        UUID id = UUID.randomUUID();
        read(receipt("tj-drug-control", id, 3, "OSCE", DeliveryStatus.ACKNOWLEDGED));
        read(decision("kz-customs", id, 1, "UNODC"));
        read(decision("tj-drug-control", id, 3, "OSCE"));
        read(receipt("kz-customs", id, 1, "UNODC", DeliveryStatus.DELIVERED));
        read(receipt("tj-drug-control", id, 3, "UNODC", DeliveryStatus.PARKED));

        String kz = status("kz-customs", id);
        String tj = status("tj-drug-control", id);
        assertThat(kz).contains("\"originAgency\":\"kz-customs\"", "\"latestVersion\":1", "\"UNODC\":{\"state\":\"DELIVERED\"")
                .doesNotContain("OSCE", "PARKED", "ACKNOWLEDGED");
        assertThat(tj).contains("\"originAgency\":\"tj-drug-control\"", "\"latestVersion\":3", "\"OSCE\":{\"state\":\"ACKNOWLEDGED\"",
                "\"UNODC\":{\"state\":\"PARKED\"").doesNotContain("DELIVERED");
        assertThat(statuses.status("be-customs", id.toString())).isEmpty();
    }

    /** Receipts written before they named the agency: they apply to the first agency's alert with that id, as before. */
    @Test
    void aReceiptWithoutAgencyAppliesToTheFirstAgencysAlertWithThatId() {
        UUID id = UUID.randomUUID();
        read(receipt(null, id, 1, "UNODC", DeliveryStatus.DELIVERED));
        read(decision("kz-customs", id, 1, "UNODC"));
        read(decision("tj-drug-control", id, 1, "UNODC"));
        read(receipt(null, id, 1, "UNODC", DeliveryStatus.ACKNOWLEDGED));
        assertThat(status("kz-customs", id)).contains("ACKNOWLEDGED");
        assertThat(status("tj-drug-control", id)).contains("\"state\":\"ROUTED\"");
    }

    /** Early receipts with and without the agency are applied in the order they were read, so none is lost. */
    @Test
    void earlyReceiptsWithAndWithoutAgencyAreAppliedInTheirOrder() {
        UUID id = UUID.randomUUID();
        read(receipt(null, id, 1, "UNODC", DeliveryStatus.DELIVERED));
        read(receipt("kz-customs", id, 1, "OSCE", DeliveryStatus.PARKED));
        read(receipt(null, id, 1, "OSCE", DeliveryStatus.FAILED));
        read(decision(id, "UNODC", "OSCE"));
        assertThat(status("kz-customs", id)).contains("\"UNODC\":{\"state\":\"DELIVERED\"",
                "\"OSCE\":{\"state\":\"PARKED\"", "\"failedAttempts\":1");
    }

    @Test
    void aBodysOutcomeAndOpenQuestionsShowAndTheOriginatorsAnswerClosesAQuestion() {
        UUID id = UUID.randomUUID();
        read(decision(id, "CARICC", "UNODC"));
        UUID question = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        read(response(id, "BODY", "CARICC", "QUESTION", question, null, null));
        read(response(id, "BODY", "CARICC", "QUESTION", other, null, null));
        read(response(id, "BODY", "UNODC", "OUTCOME", UUID.randomUUID(), null, "SEIZED", "CARICC"));
        assertThat(status("kz-customs", id)).contains("\"CARICC\":{\"state\":\"ROUTED\"", "\"openQuestions\":[")
                .contains(question.toString(), other.toString()).contains("\"outcome\":\"SEIZED\"");
        read(response(id, "AGENCY", "kz-customs", "ANSWER", UUID.randomUUID(), question, null, "CARICC"));
        assertThat(status("kz-customs", id)).doesNotContain(question.toString()).contains(other.toString());
        // An answer read before its question (another audit partition): the question stays closed.
        UUID late = UUID.randomUUID();
        read(response(id, "AGENCY", "kz-customs", "ANSWER", UUID.randomUUID(), late, null, "CARICC"));
        read(response(id, "BODY", "CARICC", "QUESTION", late, null, null));
        assertThat(status("kz-customs", id)).doesNotContain(late.toString());
        assertThat(statuses.status("kz-customs", id.toString()).orElseThrow().get("latestVersion").asInt())
                .as("a response is no new version").isEqualTo(1);
    }
}
