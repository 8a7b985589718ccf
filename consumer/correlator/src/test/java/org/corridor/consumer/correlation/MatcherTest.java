package org.corridor.consumer.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.CompanyRole;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.junit.jupiter.api.Test;

/** The matcher's rules, one case each, on the Tajik heroin seizure and a second agency's report of it. */
class MatcherTest {

    private final Matcher matcher = new Matcher(MatchSettings.DEFAULTS);

    private static TraffickingAlert tajik() {
        return SampleAlerts.heroinSeizure().build();
    }

    /** The Kazakh customs' report of the same truck: grams, a day later, Kazakhstan left out of the transit. */
    private static TraffickingAlert kazakh() {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        a.setAlertId(UUID.fromString("5b1e0c7a-9d2f-4e6b-8a3c-1f2e3d4c5b6a"));
        a.setOriginAgency(new Agency("kz-customs", "KZ", "State Revenue Committee, Customs"));
        a.setOccurredOn(a.getOccurredOn().plusDays(1));
        a.getSubstances().get(0).setName("Heroin base");
        a.getSubstances().get(0).setQuantity(new Quantity(new BigDecimal("405000.000"), QuantityUnit.G));
        a.getSubstances().remove(1);
        a.getRoute().setTransitCountries(new ArrayList<>(List.of("TJ")));
        return a;
    }

    private static Report report(TraffickingAlert a) {
        return Report.of(a, new Report.Released(Set.of("UNODC", "CARICC"), Tlp.AMBER, HandlingCode.H1, Set.of()));
    }

    private static Identifiers companies(String name, String country) {
        return Identifiers.newBuilder().setContainers(new ArrayList<>()).setVessels(new ArrayList<>()).setVehicles(new ArrayList<>())
                .setFlights(new ArrayList<>()).setTransportDocuments(new ArrayList<>())
                .setCompanies(new ArrayList<>(List.of(new Company(CompanyRole.CONSIGNOR, name, country)))).build();
    }

    @Test
    void theSameSeizureReportedByAnotherAgencyInOtherUnitsIsAnEventMatchWithItsEvidence() {
        Link link = matcher.compare(report(tajik()), report(kazakh())).orElseThrow();
        assertThat(link.kind()).isEqualTo(Link.Kind.EVENT);
        assertThat(link.keys()).containsExactly("substance:OPIATE:heroin", "quantity:2%", "countries:AF,RU,TJ", "days:1");
        assertThat(link.score()).isBetween(0.9, 1.0);
    }

    @Test
    void aSharedCompanyIsAnExactMatchWhateverItsLegalFormOrCase() {
        TraffickingAlert a = tajik();
        a.setIdentifiers(companies("Kunduz Cotton Mill, LLC", "AF"));
        TraffickingAlert b = kazakh();
        b.setOccurredOn(b.getOccurredOn().plusDays(40));
        b.setIdentifiers(companies("KUNDUZ COTTON MILL", "AF"));
        Link link = matcher.compare(report(a), report(b)).orElseThrow();
        assertThat(link.kind()).isEqualTo(Link.Kind.EXACT);
        assertThat(link.keys()).containsExactly("company:KUNDUZ COTTON MILL:AF");
        assertThat(link.score()).isEqualTo(1.0);
    }

    @Test
    void anotherQuantityMonthsApartTheSameAgencyOrARetractionAreNeverLinked() {
        TraffickingAlert more = kazakh();
        more.getSubstances().get(0).setQuantity(new Quantity(new BigDecimal("600.000"), QuantityUnit.KG));
        assertThat(matcher.compare(report(tajik()), report(more))).as("45 % more").isEmpty();
        TraffickingAlert later = kazakh();
        later.setOccurredOn(later.getOccurredOn().plusDays(30));
        assertThat(matcher.compare(report(tajik()), report(later))).as("a month later").isEmpty();
        TraffickingAlert own = kazakh();
        own.setOriginAgency(tajik().getOriginAgency());
        assertThat(matcher.compare(report(tajik()), report(own))).as("the agency's own report").isEmpty();
        TraffickingAlert retracted = kazakh();
        retracted.setLifecycle(Lifecycle.RETRACTION);
        assertThat(matcher.compare(report(tajik()), report(retracted))).as("a retraction").isEmpty();
        TraffickingAlert elsewhere = kazakh();
        elsewhere.getRoute().setEventCountry("NL");
        elsewhere.getRoute().setOriginCountry("CO");
        elsewhere.getRoute().setTransitCountries(new ArrayList<>());
        elsewhere.getRoute().setDestinationCountry("BE");
        assertThat(matcher.compare(report(tajik()), report(elsewhere))).as("no country in common").isEmpty();
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchSettings(-1, 0.1, 0.7)).hasMessageContaining("windowDays");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchSettings(7, 1.5, 0.7)).hasMessageContaining("quantityTolerance");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchSettings(7, 0.1, 0)).hasMessageContaining("threshold");
    }

    @Test
    void aSubstanceWithItsCasNumberIsTheSameAsOneNamedAloneButTwoNumbersAreTwoSubstances() {
        TraffickingAlert a = tajik();
        a.getSubstances().remove(0);  // acetic anhydride, CAS 108-24-7, 1,200 l
        TraffickingAlert b = kazakh();
        b.getSubstances().set(0, new Substance("Acetic anhydride", a.getSubstances().get(0).getCategory(), null,
                new Quantity(new BigDecimal("1180.000"), QuantityUnit.L), null));
        Matcher.Verdict v = matcher.verdict(report(a), report(b));
        assertThat(v.link()).as(v.reason()).isPresent();
        assertThat(v.link().get().keys()).contains("substance:PRECURSOR_TABLE_I:aceticanhydride");
        b.getSubstances().get(0).setCasNumber("4468-48-8");
        assertThat(matcher.verdict(report(a), report(b)).reason()).contains("no substance in common");
    }

    @Test
    void aFootprintRulesAnEventOutOnlyWhenItsBestScoreIsBelowTheThreshold() {
        Quantities.Measure kg412 = new Quantities.Measure(Quantities.Dimension.MASS, 412_500);
        Quantities.Measure kg405 = new Quantities.Measure(Quantities.Dimension.MASS, 405_000);
        Quantities.Measure kg700 = new Quantities.Measure(Quantities.Dimension.MASS, 700_000);
        Quantities.Measure litres = new Quantities.Measure(Quantities.Dimension.VOLUME, 412_500);
        List<String> route = List.of("AF", "TJ", "KZ", "RU");
        Footprint tj = new Footprint(100, route, List.of(kg412));
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(101, List.of("TJ", "KZ", "RU"), List.of(kg405)))).isTrue();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(108, route, List.of(kg412)))).as("8 days apart").isFalse();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(100, List.of("NL"), List.of(kg412)))).as("no country shared").isFalse();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(100, route, List.of(kg700)))).as("70 % more").isFalse();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(100, route, java.util.Arrays.asList(kg700, null))))
                .as("one of its amounts unknown").isTrue();
        // An unknown amount (or one in another dimension) scores 0.5: with the whole route, at most 4 days apart.
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(104, route, java.util.Collections.singletonList(null)))).isTrue();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(105, route, java.util.Collections.singletonList(null)))).isFalse();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(104, route, List.of(litres)))).isTrue();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(105, route, List.of(litres)))).isFalse();
        // One country of four shared: 0.4 + 0.1 + 0.2 = 0.7 at best, equal amounts on the same day.
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(100, List.of("TJ", "DE", "NL", "PL"), List.of(kg412)))).isTrue();
        assertThat(matcher.mayLinkByEvent(tj, new Footprint(100, List.of("TJ", "DE", "NL", "PL"), List.of(kg405)))).isFalse();
        // Whatever the matcher scores a pair of one substance, the footprints allow at least that.
        GroundTruth.Sample sample = GroundTruth.generate(2209, 200);
        List<Report> reports = sample.reports();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                Report a = reports.get(i);
                Report b = reports.get(j);
                Optional<Link> link = matcher.compare(a, b);
                if (link.isPresent() && link.get().kind() == Link.Kind.EVENT) {
                    String shared = link.get().keys().get(0).substring("substance:".length());
                    assertThat(matcher.mayLinkByEvent(Footprint.of(a, shared), Footprint.of(b, shared))).as("%s ~ %s", a, b).isTrue();
                }
            }
        }
    }

    @Test
    void theVerdictIsTheSameWhicheverReportComesFirst() {
        java.util.Random r = new java.util.Random(2204);
        GroundTruth.Sample sample = GroundTruth.generate(2204, 300);
        List<Report> reports = sample.reports();
        for (int i = 0; i < 2_000; i++) {
            Report x = reports.get(r.nextInt(reports.size()));
            Report y = reports.get(r.nextInt(reports.size()));
            Matcher.Verdict xy = matcher.verdict(x, y);
            Matcher.Verdict yx = matcher.verdict(y, x);
            assertThat(yx.link()).as("case %d", i).isEqualTo(xy.link());
        }
        // Two substances that tie: the smaller key names the link either way.
        TraffickingAlert a = tajik();
        TraffickingAlert b = kazakh();
        b.setSubstances(new ArrayList<>(List.of(a.getSubstances().get(1), a.getSubstances().get(0))));
        a.getSubstances().get(0).setQuantity(new Quantity(new BigDecimal("10.000"), QuantityUnit.KG));
        b.getSubstances().get(1).setQuantity(new Quantity(new BigDecimal("10.000"), QuantityUnit.KG));
        a.getSubstances().get(1).setQuantity(new Quantity(new BigDecimal("10.000"), QuantityUnit.L));
        b.getSubstances().get(0).setQuantity(new Quantity(new BigDecimal("10.000"), QuantityUnit.L));
        assertThat(matcher.verdict(report(a), report(b)).link().get().keys())
                .isEqualTo(matcher.verdict(report(b), report(a)).link().get().keys());
    }
}
