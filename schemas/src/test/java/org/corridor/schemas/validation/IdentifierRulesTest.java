package org.corridor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.CompanyRole;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportDocument;
import org.corridor.schemas.avro.TransportDocumentKind;
import org.corridor.schemas.avro.Vehicle;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** The identifiers' rules, each with an input that breaks it and the message expected; the check digits by their specifications. */
class IdentifierRulesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final AlertValidator validator = new AlertValidator(ReferenceData.defaults(), NOW);

    private static Identifiers valid() {
        return Identifiers.newBuilder()
                .setContainers(new ArrayList<>(List.of("CSQU3054383")))
                .setVessels(new ArrayList<>(List.of("IMO9074729")))
                .setVehicles(new ArrayList<>(List.of(new Vehicle("TJ", "0123AB01"))))
                .setFlights(new ArrayList<>(List.of("TK1234", "3U8551")))
                .setTransportDocuments(new ArrayList<>(List.of(new TransportDocument(TransportDocumentKind.AIR_WAYBILL, "02012345675"),
                        new TransportDocument(TransportDocumentKind.BILL_OF_LADING, "MEDUAB123456"))))
                .setCompanies(new ArrayList<>(List.of(new Company(CompanyRole.CONSIGNOR, "Kunduz Cotton Mill LLC", "AF"))))
                .build();
    }

    private List<String> violationsOf(Consumer<Identifiers> breakIt) {
        TraffickingAlert alert = SampleAlerts.heroinSeizure().build();
        Identifiers ids = valid();
        breakIt.accept(ids);
        alert.setIdentifiers(ids);
        return validator.validate(alert).stream().map(Violation::toString).toList();
    }

    @Test
    void theCheckDigitsFollowTheirSpecifications() {
        assertThat(CheckDigits.isContainer("CSQU3054383")).isTrue();
        assertThat(CheckDigits.isContainer("CSQU3054384")).isFalse();
        assertThat(CheckDigits.containerCheckDigit("MSCU123456")).isEqualTo(6);
        assertThat(CheckDigits.isContainer("csqu3054383")).as("normalised form only").isFalse();
        assertThat(CheckDigits.isImo("IMO9074729")).isTrue();
        assertThat(CheckDigits.isImo("IMO9074728")).isFalse();
        assertThat(CheckDigits.isImo("9074729")).isFalse();
        assertThat(CheckDigits.isAirWaybill("02012345675")).isTrue();
        assertThat(CheckDigits.isAirWaybill("02012345676")).isFalse();
        assertThat(CheckDigits.isAirWaybill("020-12345675")).isFalse();
    }

    @Test
    void validIdentifiersAndNoneAtAllPass() {
        assertThat(violationsOf(ids -> { })).isEmpty();
        TraffickingAlert alert = SampleAlerts.heroinSeizure().build();
        alert.setIdentifiers(null);
        assertThat(validator.validate(alert)).isEmpty();
    }

    @Test
    void everyBrokenIdentifierIsNamedByItsPathAndRule() {
        assertThat(violationsOf(ids -> {
            ids.getContainers().set(0, "CSQU3054384");
            ids.getVessels().add("IMO1234568");
            ids.getVehicles().add(new Vehicle("XX", "ab-123"));
            ids.getFlights().add("12345");
            ids.getTransportDocuments().add(new TransportDocument(TransportDocumentKind.AIR_WAYBILL, "020-12345675"));
            ids.getTransportDocuments().add(new TransportDocument(TransportDocumentKind.CONSIGNMENT_NOTE, "a b"));
            ids.getCompanies().add(new Company(CompanyRole.CONSIGNEE, " ", "NL"));
        })).containsExactly(
                "identifiers.containers[0]: \"CSQU3054384\" is not an ISO 6346 container number (3 letters, U, J or Z, 6 digits,"
                        + " the check digit; no spaces): its check digit should be 3",
                "identifiers.vessels[1]: \"IMO1234568\" is not an IMO number (IMO and 7 digits, the last a check digit)",
                "identifiers.vehicles[1].country: \"XX\" is not an ISO 3166-1 alpha-2 code",
                "identifiers.vehicles[1].plate: \"ab-123\" is not a normalised registration (2 to 12 upper-case letters and"
                        + " digits, no spaces or hyphens)",
                "identifiers.flights[2]: \"12345\" is not an IATA flight designator (airline code of 2 letters or digits, 1 to 4"
                        + " digits, an optional letter; such as TK1234)",
                "identifiers.transportDocuments[2].reference: \"020-12345675\" is not an air waybill number (11 digits: airline"
                        + " prefix, 7-digit serial, check digit the serial mod 7; no hyphen)",
                "identifiers.transportDocuments[3].reference: \"a b\" is not a normalised reference (4 to 35 upper-case letters"
                        + " and digits)",
                "identifiers.companies[1].name: must not be blank");
    }

    @Test
    void aListIsBoundedAndOnlyItsFirstEntriesAreChecked() {
        assertThat(violationsOf(ids -> ids.setContainers(new ArrayList<>(Collections.nCopies(51, "CSQU3054383")))))
                .containsExactly("identifiers.containers: at most 50 entries, not 51");
    }
}
