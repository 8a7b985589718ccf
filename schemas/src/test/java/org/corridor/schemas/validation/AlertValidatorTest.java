package org.corridor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Evaluation;
import org.corridor.schemas.avro.GeoPoint;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SourceReliability;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** One test per rule: an input that breaks it and the exact message expected. */
class AlertValidatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final AlertValidator validator = new AlertValidator(ReferenceData.defaults(), NOW);

    private List<String> violationsOf(Consumer<TraffickingAlert> breakIt) {
        TraffickingAlert alert = SampleAlerts.heroinSeizure().build();
        breakIt.accept(alert);
        return validator.validate(alert).stream().map(Violation::toString).toList();
    }

    private static Substance substance(TraffickingAlert a, int i) {
        return a.getSubstances().get(i);
    }

    @Test
    void sampleAlertIsValid() {
        assertThat(validator.validate(SampleAlerts.heroinSeizure().build())).isEmpty();
    }

    @Test
    void generatedAlertsAreValid() {
        for (long seed = 0; seed < 2_000; seed++) {
            assertThat(validator.validate(SampleAlerts.random(seed))).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        assertThat(violationsOf(a -> {
            a.getRoute().setEventCountry("XX");
            a.setSummary(" ");
            substance(a, 1).setCasNumber("108-24-8");
        })).containsExactly(
                "summary: must not be blank",
                "substances[1].casNumber: \"108-24-8\" has a wrong check digit",
                "route.eventCountry: \"XX\" is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void versionMustBePositive() {
        assertThat(violationsOf(a -> a.setVersion(0))).containsExactly("version: must be at least 1, was 0");
    }

    @Test
    void newAlertHasVersionOne() {
        assertThat(violationsOf(a -> a.setVersion(3))).containsExactly("version: a NEW alert has version 1, was 3");
    }

    @Test
    void updateHasVersionTwoOrMore() {
        assertThat(violationsOf(a -> a.setLifecycle(Lifecycle.UPDATE)))
                .containsExactly("version: an UPDATE has version 2 or more, was 1");
    }

    @Test
    void retractionNeedsReason() {
        assertThat(violationsOf(a -> {
            a.setLifecycle(Lifecycle.RETRACTION);
            a.setVersion(2);
        })).containsExactly("retractionReason: required when lifecycle is RETRACTION");
    }

    @Test
    void reasonOnlyOnRetraction() {
        assertThat(violationsOf(a -> a.setRetractionReason("duplicate")))
                .containsExactly("retractionReason: only allowed when lifecycle is RETRACTION");
    }

    @Test
    void agencyIdIsLowercaseSlug() {
        assertThat(violationsOf(a -> a.getOriginAgency().setAgencyId("TJ Drug Control")))
                .containsExactly("originAgency.agencyId: \"TJ Drug Control\" is not a lowercase slug "
                        + "(a-z, 0-9 and inner hyphens, 1 to 63 characters)");
    }

    @Test
    void agencyCountryIsIso() {
        assertThat(violationsOf(a -> a.getOriginAgency().setCountry("TAJ")))
                .containsExactly("originAgency.country: \"TAJ\" is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void agencyNameNotBlank() {
        assertThat(violationsOf(a -> a.getOriginAgency().setName("")))
                .containsExactly("originAgency.name: must not be blank");
    }

    @Test
    void requiredFieldsMustBePresent() {
        assertThat(violationsOf(a -> {
            a.setAlertId(null);
            a.setKind(null);
        })).containsExactly("alertId: must be present", "kind: must be present");
    }

    @Test
    void occurredOnNotInTheFuture() {
        assertThat(violationsOf(a -> a.setOccurredOn(LocalDate.of(2026, 11, 29))))
                .containsExactly("occurredOn: 2026-11-29 is in the future");
    }

    @Test
    void occurredOnTodayAnywhereOnEarthIsAccepted() {
        // 12:00 UTC is already the next day in UTC+14 (Kiribati).
        assertThat(violationsOf(a -> a.setOccurredOn(LocalDate.of(2026, 11, 28)))).isEmpty();
    }

    @Test
    void summaryNotBlank() {
        assertThat(violationsOf(a -> a.setSummary("   "))).containsExactly("summary: must not be blank");
    }

    @Test
    void summaryAtMost2000Characters() {
        assertThat(violationsOf(a -> a.setSummary("x".repeat(2001))))
                .containsExactly("summary: must be at most 2000 characters, was 2001");
        assertThat(violationsOf(a -> a.setSummary("x".repeat(2000)))).isEmpty();
    }

    @Test
    void languageIsBcp47() {
        assertThat(violationsOf(a -> a.setLanguage("english!")))
                .containsExactly("language: \"english!\" is not a BCP 47 language tag");
        assertThat(violationsOf(a -> a.setLanguage("de-AT"))).isEmpty();
    }

    @Test
    void informationAssessmentIsOneToFour() {
        assertThat(violationsOf(a -> a.setEvaluation(new Evaluation(SourceReliability.A, 5))))
                .containsExactly("evaluation.informationAssessment: must be between 1 and 4, was 5");
    }

    @Test
    void seizureNeedsASubstance() {
        assertThat(violationsOf(a -> a.setSubstances(new ArrayList<>())))
                .containsExactly("substances: a SEIZURE alert needs at least one substance");
        assertThat(violationsOf(a -> {
            a.setSubstances(new ArrayList<>());
            a.setKind(AlertKind.MODUS_OPERANDI);
        })).isEmpty();
    }

    @Test
    void substanceNameNotBlank() {
        assertThat(violationsOf(a -> substance(a, 0).setName(" ")))
                .containsExactly("substances[0].name: must not be blank");
    }

    @Test
    void casNumberFormat() {
        assertThat(violationsOf(a -> substance(a, 1).setCasNumber("108247")))
                .containsExactly("substances[1].casNumber: \"108247\" is not a CAS number (NNNNNNN-NN-N)");
    }

    @Test
    void casNumberCheckDigit() {
        assertThat(violationsOf(a -> substance(a, 1).setCasNumber("108-24-1")))
                .containsExactly("substances[1].casNumber: \"108-24-1\" has a wrong check digit");
    }

    @Test
    void tableOneCasMustHaveTableOneCategory() {
        assertThat(violationsOf(a -> substance(a, 1).setCategory(SubstanceCategory.NON_SCHEDULED_CHEMICAL)))
                .containsExactly("substances[1].category: CAS 108-24-7 (Acetic anhydride) is on Table I, "
                        + "so the category must be PRECURSOR_TABLE_I, was NON_SCHEDULED_CHEMICAL");
    }

    @Test
    void tableTwoCasMustHaveTableTwoCategory() {
        assertThat(violationsOf(a -> substance(a, 1).setCasNumber("108-88-3")))
                .containsExactly("substances[1].category: CAS 108-88-3 (Toluene) is on Table II, "
                        + "so the category must be PRECURSOR_TABLE_II, was PRECURSOR_TABLE_I");
    }

    @Test
    void tableCategoryNeedsAListedCas() {
        // 64-17-5 is ethanol: a valid CAS number, on neither table.
        assertThat(violationsOf(a -> substance(a, 1).setCasNumber("64-17-5")))
                .containsExactly("substances[1].casNumber: CAS 64-17-5 is not on Table I of the 1988 Convention, "
                        + "so the category cannot be PRECURSOR_TABLE_I");
    }

    @Test
    void quantityGreaterThanZero() {
        assertThat(violationsOf(a -> substance(a, 0).setQuantity(new Quantity(new BigDecimal("-5"), QuantityUnit.KG))))
                .containsExactly("substances[0].quantity.amount: must be greater than 0, was -5");
        assertThat(violationsOf(a -> substance(a, 0).setQuantity(new Quantity(BigDecimal.ZERO, QuantityUnit.KG))))
                .containsExactly("substances[0].quantity.amount: must be greater than 0, was 0");
    }

    @Test
    void quantityAtMostThreeDecimals() {
        assertThat(violationsOf(a -> substance(a, 0).setQuantity(new Quantity(new BigDecimal("1.2345"), QuantityUnit.G))))
                .containsExactly("substances[0].quantity.amount: must have at most 3 decimal places, was 1.2345");
    }

    @Test
    void quantityAtMostFifteenIntegerDigits() {
        assertThat(violationsOf(a -> substance(a, 0).setQuantity(
                new Quantity(new BigDecimal("1000000000000000"), QuantityUnit.G))))
                .containsExactly("substances[0].quantity.amount: must have at most 15 digits before the decimal "
                        + "point, was 1000000000000000");
    }

    @Test
    void purityIsAPercentage() {
        assertThat(violationsOf(a -> substance(a, 0).setPurityPercent(120.0)))
                .containsExactly("substances[0].purityPercent: must be greater than 0 and at most 100, was 120.0");
    }

    @Test
    void routeCountriesAreIso() {
        assertThat(violationsOf(a -> {
            a.getRoute().setOriginCountry("Afghanistan");
            a.getRoute().getTransitCountries().set(1, "XX");
            a.getRoute().setDestinationCountry("ru");
        })).containsExactly(
                "route.originCountry: \"Afghanistan\" is not an ISO 3166-1 alpha-2 code",
                "route.transitCountries[1]: \"XX\" is not an ISO 3166-1 alpha-2 code",
                "route.destinationCountry: \"ru\" is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void coordinatesInRange() {
        assertThat(violationsOf(a -> a.getRoute().setCoordinates(new GeoPoint(91.0, -181.0)))).containsExactly(
                "route.coordinates.latitude: must be between -90 and 90, was 91.0",
                "route.coordinates.longitude: must be between -180 and 180, was -181.0");
    }

    @Test
    void bodiesMustBeKnown() {
        assertThat(violationsOf(a -> a.getHandling().getAddressedTo().add("FBI"))).containsExactly(
                "handling.addressedTo[1]: \"FBI\" is not a known body (one of CARICC, CICA, CIS, CSTO, EUDA, "
                        + "EUROPOL, INCB, INTERPOL, OSCE, PARIS_PACT, SCO, SELEC, UNODC)");
    }

    @Test
    void tlpRedNeedsAnAddressee() {
        assertThat(violationsOf(a -> {
            a.getHandling().setTlp(Tlp.RED);
            a.getHandling().getAddressedTo().clear();
        })).containsExactly("handling.addressedTo: TLP:RED needs at least one addressee");
    }

    @Test
    void h3NeedsRestrictionText() {
        assertThat(violationsOf(a -> a.getHandling().setHandlingCode(HandlingCode.H3)))
                .containsExactly("handling.handlingRestriction: required with handling code H3");
    }

    @Test
    void noBodyBothReleasableAndNotReleasable() {
        assertThat(violationsOf(a -> a.getHandling().setReleasableTo(new ArrayList<>(List.of("CARICC", "OSCE")))))
                .containsExactly("handling.releasableTo[1]: \"OSCE\" is also in notReleasableTo");
    }

    @Test
    void noBodyBothAddressedAndNotReleasable() {
        assertThat(violationsOf(a -> a.getHandling().getNotReleasableTo().add("CARICC")))
                .containsExactly("handling.addressedTo[0]: \"CARICC\" is also in notReleasableTo");
    }

    @Test
    void addresseesMustBeReleasableWhenAListIsGiven() {
        assertThat(violationsOf(a -> a.getHandling().setReleasableTo(new ArrayList<>(List.of("UNODC")))))
                .containsExactly("handling.addressedTo[0]: \"CARICC\" is addressed but not in releasableTo");
    }

    @Test
    void requireValidThrowsWithEveryViolation() {
        TraffickingAlert alert = SampleAlerts.heroinSeizure().setSummary("").setVersion(0).build();
        assertThatThrownBy(() -> validator.requireValid(alert))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("version", "must be at least 1, was 0"),
                        new Violation("summary", "must not be blank")))
                .hasMessage("invalid alert: version: must be at least 1, was 0; summary: must not be blank");
    }
}
