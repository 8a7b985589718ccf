package org.corridor.support.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.json.ResponseJson;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.schemas.validation.Violation;
import org.junit.jupiter.api.Test;

/** What the exchange sets on a posted response, and what it refuses. */
class ResponseDraftTest {

    static {
        // As in the services, a deserializer exists before any JSON is read: Avro reads its length limits once per
        // JVM, when a string is first made, and the limits are set when the first deserializer is built.
        org.corridor.support.serde.Serdes.reader(new org.corridor.schemas.registry.InMemorySchemaRegistryClient(1),
                org.corridor.schemas.avro.AlertResponse.class);
    }

    private static final UUID ALERT = UUID.fromString("0b5e4d8a-3c1f-4d2e-9a7b-6c5d4e3f2a1b");
    private static final Topics.Party CARICC = new Topics.Party(true, "CARICC");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
    private static final String QUESTION = """
        {"kind":"QUESTION","text":"Was the cotton loaded in Kunduz?","language":"en","priority":"PRIORITY",
         "handling":{"tlp":"AMBER","handlingCode":"H1"}}""";

    private static ResponseDraft.Checked complete(String json, String key) {
        return ResponseDraft.complete(ResponseJson.read(json), CARICC, "tj-drug-control", ALERT, 2, key,
                ResponseValidator.withDefaults(), CLOCK);
    }

    @Test
    void theExchangeSetsTheResponderTheAlertTheVersionAndTheTime() {
        ResponseDraft.Checked c = complete(QUESTION, null);
        assertThat(c.violations()).isEmpty();
        assertThat(c.response().getResponder().getKind()).isEqualTo(ResponderKind.BODY);
        assertThat(c.response().getResponder().getId()).isEqualTo("CARICC");
        assertThat(c.response().getAlertAgency()).isEqualTo("tj-drug-control");
        assertThat(c.response().getAlertId()).isEqualTo(ALERT);
        assertThat(c.response().getAlertVersion()).isEqualTo(2);
        assertThat(c.response().getRespondedAt()).isEqualTo(CLOCK.instant());
        assertThat(c.response().getResponseId()).isNotNull();
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameResponseIdAndAnotherKeyAnother() {
        UUID first = complete(QUESTION, "k-1").response().getResponseId();
        assertThat(complete(QUESTION, "k-1").response().getResponseId()).isEqualTo(first);
        assertThat(complete(QUESTION, "k-2").response().getResponseId()).isNotEqualTo(first);
        assertThat(ResponseDraft.complete(ResponseJson.read(QUESTION), new Topics.Party(true, "UNODC"), "tj-drug-control",
                ALERT, 2, "k-1", ResponseValidator.withDefaults(), CLOCK).response().getResponseId())
                .as("another party's key is its own").isNotEqualTo(first);
    }

    @Test
    void aResponseNamingAnotherResponderIsForbiddenNotRewritten() {
        ResponseDraft.Checked c = complete(QUESTION.replace("{\"kind\"", "{\"responder\":{\"kind\":\"BODY\",\"id\":\"UNODC\"},\"kind\""), null);
        assertThat(c.forbidden()).isTrue();
        assertThat(c.violations()).extracting(Violation::path).containsExactly("responder");
        assertThat(complete(QUESTION.replace("{\"kind\"", "{\"responder\":{\"kind\":\"BODY\",\"id\":\"CARICC\"},\"kind\""), null)
                .ok()).as("naming itself is fine").isTrue();
    }

    @Test
    void anotherAlertAgencyOrVersionIsNamedAndTheContractRulesFollow() {
        ResponseDraft.Checked other = complete(QUESTION.replace("{\"kind\"", "{\"alertId\":\"" + UUID.randomUUID()
                + "\",\"alertAgency\":\"kz-customs\",\"alertVersion\":1,\"kind\""), null);
        assertThat(other.forbidden()).isFalse();
        assertThat(other.violations()).extracting(Violation::path).containsExactly("alertId", "alertAgency", "alertVersion");
        ResponseDraft.Checked invalid = complete("{\"kind\":\"OUTCOME\",\"text\":\"\",\"language\":\"xx-!!\","
                + "\"handling\":{\"tlp\":\"AMBER\"}}", null);
        assertThat(invalid.violations()).extracting(Violation::path).contains("outcome", "text", "language");
        assertThat(complete("{\"kind\":\"QUESTION\",\"colour\":\"red\"}", null).violations()).extracting(Violation::path)
                .contains("colour");
        assertThat(complete("not json", null).violations()).extracting(Violation::path).containsExactly("body");
    }
}
