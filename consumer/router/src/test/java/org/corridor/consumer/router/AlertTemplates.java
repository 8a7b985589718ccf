package org.corridor.consumer.router;

import static org.corridor.consumer.Alerts.neutral;
import static org.corridor.consumer.Alerts.route;
import static org.corridor.consumer.Alerts.substance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * Ten alert templates from five agencies whose recipients were worked out by hand from the domain table and the
 * memberships; the routing, retraction, crash-loop and large-alert tests build their alerts from them.
 */
public final class AlertTemplates {

    private AlertTemplates() {
    }

    public record Template(String name, TraffickingAlert.Builder alert, Set<String> expected) {
    }

    private static Handling handling(Tlp tlp, HandlingCode code, List<String> addressed, List<String> releasable,
                                     List<String> notReleasable) {
        return new Handling(tlp, code, null, new ArrayList<>(addressed), new ArrayList<>(releasable), new ArrayList<>(notReleasable), false);
    }

    private static TraffickingAlert.Builder from(String agency, String country) {
        return neutral().setOriginAgency(new Agency(agency, country, agency));
    }

    public static List<Template> templates() {
        List<Template> t = new ArrayList<>();
        t.add(new Template("cocaine seizure inside Brazil, GREEN", from("br-federal-police", "BR").setKind(AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(substance("cocaine", SubstanceCategory.COCAINE, null, "120", QuantityUnit.KG))))
                .setHandling(handling(Tlp.GREEN, HandlingCode.H0, List.of(), List.of(), List.of())),
                Set.of("UNODC", "OSCE")));
        t.add(new Template("cocaine from Ecuador seized in Rotterdam, GREEN", from("nl-police", "NL").setKind(AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(substance("cocaine", SubstanceCategory.COCAINE, null, "800", QuantityUnit.KG))))
                .setRoute(route("NL", "EC", List.of(), null))
                .setHandling(handling(Tlp.GREEN, HandlingCode.H0, List.of(), List.of(), List.of())),
                Set.of("UNODC", "INTERPOL", "EUROPOL", "OSCE")));
        t.add(new Template("acetic anhydride stopped in Tajikistan, AMBER", from("tj-drug-control", "TJ").setKind(AlertKind.SUSPICIOUS_SHIPMENT)
                .setSubstances(new ArrayList<>(List.of(substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7", "2000", QuantityUnit.L))))
                .setRoute(route("TJ", null, List.of(), null)),
                Set.of("INCB", "PARIS_PACT", "CARICC", "CSTO", "SCO", "CIS", "CICA")));
        t.add(new Template("heroin in Serbia, TLP:RED to SELEC", from("rs-police", "RS").setKind(AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(substance("heroin", SubstanceCategory.OPIATE, null, "30", QuantityUnit.KG))))
                .setRoute(route("RS", null, List.of(), null))
                .setHandling(handling(Tlp.RED, HandlingCode.H0, List.of("SELEC"), List.of(), List.of())),
                Set.of("SELEC")));
        t.add(new Template("NPS detected in Germany, not for Europol", from("de-bka", "DE").setKind(AlertKind.NPS_DETECTION)
                .setSubstances(new ArrayList<>(List.of(substance("3-CMC", SubstanceCategory.NPS, null, null, null))))
                .setRoute(route("DE", null, List.of(), null))
                .setHandling(handling(Tlp.GREEN, HandlingCode.H0, List.of(), List.of(), List.of("EUROPOL"))),
                Set.of("INCB", "EUDA", "OSCE")));
        t.add(new Template("modus operandi, H2 to Interpol", from("br-federal-police", "BR").setKind(AlertKind.MODUS_OPERANDI)
                .setHandling(handling(Tlp.GREEN, HandlingCode.H2, List.of("INTERPOL"), List.of(), List.of())),
                Set.of("INTERPOL")));
        t.add(new Template("MDMA lab in the Netherlands, releasable to EUDA and INCB", from("nl-police", "NL").setKind(AlertKind.CLANDESTINE_LAB)
                .setSubstances(new ArrayList<>(List.of(substance("MDMA", SubstanceCategory.AMPHETAMINE_TYPE, null, "45", QuantityUnit.KG))))
                .setRoute(route("NL", null, List.of(), null))
                .setHandling(handling(Tlp.AMBER, HandlingCode.H1, List.of(), List.of("EUDA", "INCB"), List.of()))
                .setSummary("lab"),
                Set.of("EUDA", "INCB")));
        t.add(new Template("cannabis in Tajikistan, AMBER+STRICT", from("tj-drug-control", "TJ").setKind(AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(substance("cannabis resin", SubstanceCategory.CANNABIS, null, "900", QuantityUnit.KG))))
                .setRoute(route("TJ", null, List.of(), null))
                .setHandling(handling(Tlp.AMBER_STRICT, HandlingCode.H0, List.of(), List.of(), List.of())),
                Set.of("UNODC", "CARICC", "CSTO", "SCO", "CIS", "CICA")));
        t.add(new Template("a route in Brazil, CLEAR", from("rs-police", "RS")
                .setHandling(handling(Tlp.CLEAR, HandlingCode.H0, List.of(), List.of(), List.of())),
                Set.of("OSCE")));
        t.add(new Template("heroin from Afghanistan via Turkey to Germany, not for OSCE", from("de-bka", "DE").setKind(AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(substance("heroin", SubstanceCategory.OPIATE, null, "75", QuantityUnit.KG))))
                .setRoute(route("DE", "AF", List.of("TR"), "DE")).setConcealmentMethod("in a lorry of dried fruit")
                .setHandling(handling(Tlp.GREEN, HandlingCode.H1, List.of(), List.of(), List.of("OSCE"))),
                Set.of("UNODC", "INTERPOL", "PARIS_PACT", "EUROPOL", "SELEC", "CICA")));
        return t;
    }

}
