package org.corridor.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;
import org.junit.jupiter.api.Test;

class ValidatorMessagesTest {

    private static final ValidatorMessages MESSAGES = ValidatorMessages.bundled();
    private static final Locale RU = TwoLanguages.RUSSIAN;

    /** A valid alert as an agency sends it, with what the exchange sets. */
    private static final String VALID = """
            {"alertId":"8d1c2f0e-6a55-4b7e-9a38-0f6f1c1e2a10","version":1,"lifecycle":"NEW","reportedAt":"2026-11-21T08:00:00Z",
             "originAgency":{"agencyId":"kz-customs","country":"KZ","name":"Customs"},
             "kind":"SEIZURE","priority":"URGENT","occurredOn":"2026-11-20",
             "substances":[{"name":"heroin","category":"OPIATE","quantity":{"amount":412.5,"unit":"KG"}}],
             "route":{"originCountry":"AF","transitCountries":["TJ"],"eventCountry":"KZ","destinationCountry":"RU"},
             "transportMode":"ROAD","summary":"Heroin in a truck","language":"en",
             "handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":[],"releasableTo":[],"notReleasableTo":[]}}
            """;

    private static List<String> messagesOf(String json) {
        AlertJson.Read read = AlertJson.read(json);
        List<Violation> found = read.ok() ? AlertValidator.withDefaults().validate(read.alert()) : read.violations();
        assertThat(found).as("the mistake in " + json).isNotEmpty();
        return found.stream().map(Violation::message).toList();
    }

    @Test
    void everyMessageTheValidatorGivesForAnOfficersMistakesIsInRussianWithItsValues() {
        assertThat(messagesOf(VALID.replace("\"kind\":\"SEIZURE\"", "\"kind\":\"SEIZURE\",\"extra\":1"))).isNotEmpty();
        List<String> mistakes = List.of(
                VALID.replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"XX\""),
                VALID.replace("\"language\":\"en\"", "\"language\":\"not a tag\""),
                VALID.replace("\"summary\":\"Heroin in a truck\"", "\"summary\":\" \""),
                VALID.replace("\"summary\":\"Heroin in a truck\"", "\"summary\":\"" + "x".repeat(5000) + "\""),
                VALID.replace("\"kind\":\"SEIZURE\"", "\"kind\":\"SEIZED\""),
                VALID.replace("\"kind\":\"SEIZURE\"", "\"kind\":\"SEIZURE\",\"extra\":1"),
                VALID.replace("\"occurredOn\":\"2026-11-20\"", "\"occurredOn\":\"20.11.2026\""),
                VALID.replace("\"occurredOn\":\"2026-11-20\"", "\"occurredOn\":\"2999-11-20\""),
                VALID.replace("\"amount\":412.5", "\"amount\":0"),
                VALID.replace("\"amount\":412.5", "\"amount\":1.23456"),
                VALID.replace("\"amount\":412.5", "\"amount\":\"lots\""),
                VALID.replace("\"category\":\"OPIATE\"", "\"category\":\"OPIATE\",\"purityPercent\":150"),
                VALID.replace("\"category\":\"OPIATE\"", "\"category\":\"OPIATE\",\"casNumber\":\"123\""),
                VALID.replace("\"category\":\"OPIATE\"", "\"category\":\"OPIATE\",\"casNumber\":\"108-24-8\""),
                VALID.replace("\"category\":\"OPIATE\"", "\"category\":\"PRECURSOR_TABLE_II\",\"casNumber\":\"108-24-7\""),
                VALID.replace("\"category\":\"OPIATE\"", "\"category\":\"PRECURSOR_TABLE_I\",\"casNumber\":\"64-17-5\""),
                VALID.replace("\"substances\":[{\"name\":\"heroin\",\"category\":\"OPIATE\",\"quantity\":{\"amount\":412.5,\"unit\":\"KG\"}}]",
                        "\"substances\":[]"),
                VALID.replace("\"substances\":[{\"name\":\"heroin\"", "\"substances\":[{\"name\":\"\""),
                VALID.replace("\"tlp\":\"AMBER\"", "\"tlp\":\"RED\""),
                VALID.replace("\"handlingCode\":\"H1\"", "\"handlingCode\":\"H3\""),
                VALID.replace("\"addressedTo\":[]", "\"addressedTo\":[\"NOBODY\"]"),
                VALID.replace("\"releasableTo\":[],\"notReleasableTo\":[]", "\"releasableTo\":[\"CARICC\"],\"notReleasableTo\":[\"CARICC\"]"),
                VALID.replace("\"addressedTo\":[],\"releasableTo\":[]", "\"addressedTo\":[\"UNODC\"],\"releasableTo\":[\"CARICC\"]"),
                VALID.replace("\"transitCountries\":[\"TJ\"]", "\"transitCountries\":\"TJ\""),
                VALID.replace("\"transitCountries\":[\"TJ\"]", "\"transitCountries\":[\"TJ\"],\"coordinates\":{\"latitude\":100,\"longitude\":0}"),
                VALID.replace("\"language\":\"en\"", "\"language\":\"en\",\"evaluation\":{\"sourceReliability\":\"B\",\"informationAssessment\":7}"),
                VALID.replace("\"language\":\"en\"", "\"language\":\"en\",\"identifiers\":{\"containers\":[\"MSCU1234566\",\"MSC 1\"],"
                        + "\"vessels\":[\"IMO123\"],\"flights\":[\"1234\"],\"vehicles\":[{\"country\":\"XX\",\"plate\":\"ab 12\"}],"
                        + "\"transportDocuments\":[{\"kind\":\"AIR_WAYBILL\",\"reference\":\"123-4567\"},{\"kind\":\"BILL_OF_LADING\",\"reference\":\"b/l\"}],"
                        + "\"companies\":[{\"role\":\"CONSIGNOR\",\"name\":\"x\",\"country\":\"KZ\"}]}"),
                VALID.replace("\"version\":1", "\"version\":2"),
                VALID.replace("\"lifecycle\":\"NEW\"", "\"lifecycle\":\"UPDATE\""),
                VALID.replace("\"lifecycle\":\"NEW\"", "\"lifecycle\":\"RETRACTION\",\"version\":2"),
                VALID.replace("\"lifecycle\":\"NEW\"", "\"lifecycle\":\"NEW\",\"retractionReason\":\"why\""),
                VALID.replace("\"alertId\":\"8d1c2f0e-6a55-4b7e-9a38-0f6f1c1e2a10\"", "\"alertId\":\"nope\""));
        List<String> all = new ArrayList<>();
        mistakes.forEach(m -> all.addAll(messagesOf(m)));
        TreeSet<String> untranslated = new TreeSet<>();
        for (String message : all) {
            if (!MESSAGES.knows(message)) {
                untranslated.add(message);
            }
        }
        assertThat(untranslated).as("validator messages with no Russian").isEmpty();
        assertThat(all).hasSizeGreaterThan(30);
    }

    @Test
    void theRussianKeepsTheQuotedValuesAndEnglishStaysAsItIs() {
        assertThat(MESSAGES.say("\"XX\" is not an ISO 3166-1 alpha-2 code", RU))
                .isEqualTo("«XX» не является кодом страны ISO 3166-1 alpha-2");
        assertThat(MESSAGES.say("must be between -90 and 90, was 100.0", RU)).isEqualTo("должно быть от -90 до 90, указано 100.0");
        assertThat(MESSAGES.say("must be between -90 and 180, was 100.0", RU)).as("the repeated value must be the same")
                .isEqualTo("must be between -90 and 180, was 100.0");
        assertThat(MESSAGES.say("\"MSCU1234566\" is not an ISO 6346 container number (3 letters, U, J or Z, 6 digits, the check "
                + "digit; no spaces): its check digit should be 5", RU)).endsWith("контрольная цифра должна быть 5");
        assertThat(MESSAGES.say("\"XX\" is not an ISO 3166-1 alpha-2 code", Locale.ENGLISH)).isEqualTo("\"XX\" is not an ISO 3166-1 alpha-2 code");
        assertThat(MESSAGES.say("a message nobody wrote down", RU)).isEqualTo("a message nobody wrote down");
        assertThat(MESSAGES.say("\"$1 \\\\\" is not a number", RU)).isEqualTo("«$1 \\\\» не является числом");
    }

    @Test
    void aTranslationWithOtherPlaceholdersThanItsMessageIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> ValidatorMessages.parse(List.of("en: \"{0}\" is not a number", "ru: не число")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> ValidatorMessages.parse(List.of("ru: не число"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ValidatorMessages.parse(List.of("en: x"))).hasMessageContaining("no ru:");
        assertThat(ValidatorMessages.parse(List.of("# comment", "", "en: x", "ru: икс")).size()).isEqualTo(1);
    }
}
