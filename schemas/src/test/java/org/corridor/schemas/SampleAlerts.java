package org.corridor.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.Schema;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Evaluation;
import org.corridor.schemas.avro.GeoPoint;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.SourceReliability;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;

/** Valid alerts for tests: one realistic fixed alert and a seeded generator of varied ones. */
public final class SampleAlerts {

    /** The date the fixed sample alert happened; tests pin their clocks after it. */
    public static final LocalDate SAMPLE_DATE = LocalDate.of(2026, 11, 20);

    private SampleAlerts() {
    }

    /** Heroin seized at the Tajik-Afghan border, bound for Kazakhstan and Russia. Valid; every optional field set. */
    public static TraffickingAlert.Builder heroinSeizure() {
        return TraffickingAlert.newBuilder()
                .setAlertId(UUID.fromString("3f1c2a64-5b7e-4d2a-9c1e-8f6b2d4a7e01"))
                .setVersion(1)
                .setLifecycle(Lifecycle.NEW)
                .setOriginAgency(new Agency("tj-drug-control", "TJ", "Drug Control Agency of Tajikistan"))
                .setKind(AlertKind.SEIZURE)
                .setPriority(Priority.URGENT)
                .setOccurredOn(SAMPLE_DATE)
                .setReportedAt(Instant.parse("2026-11-20T14:03:00Z"))
                .setSubstances(new ArrayList<>(List.of(
                        new Substance("heroin", SubstanceCategory.OPIATE, null,
                                new Quantity(new BigDecimal("412.500"), QuantityUnit.KG), 62.0),
                        new Substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7",
                                new Quantity(new BigDecimal("1200.000"), QuantityUnit.L), null))))
                .setRoute(new Route("TJ", "AF", new ArrayList<>(List.of("TJ", "KZ")), "RU", "Nizhny Panj crossing",
                        new GeoPoint(37.19, 68.60)))
                .setTransportMode(TransportMode.ROAD)
                .setConcealmentMethod("false floor of a cotton truck")
                .setSummary("412.5 kg of heroin found in a truck of cotton at Nizhny Panj")
                .setDetails("The driver, a Kazakh national, claimed the cargo was loaded in Kunduz.")
                .setLanguage("en")
                .setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null,
                        new ArrayList<>(List.of("CARICC")), new ArrayList<>(), new ArrayList<>(List.of("OSCE")), false))
                .setEvaluation(new Evaluation(SourceReliability.B, 2))
                .setRelatedAlertIds(new ArrayList<>(List.of(UUID.fromString("0a7d9d7e-1f0b-4c3e-a0d2-5c8e9b7f6a12"))));
    }

    private static final String[] COUNTRIES = {"AF", "TJ", "KZ", "RU", "TR", "BG", "RS", "NL", "BE", "DE", "ES",
        "CO", "EC", "PE", "BR", "CN", "IN", "IR", "PK", "UZ", "KG", "AZ", "GR", "AL", "ME", "PL", "FR", "IT"};
    private static final String[] BODIES = {"UNODC", "INCB", "INTERPOL", "PARIS_PACT", "EUROPOL", "EUDA", "SELEC",
        "CARICC", "CSTO", "SCO", "CIS", "CICA", "OSCE"};
    private static final Substance[] SUBSTANCES = {
        new Substance("heroin", SubstanceCategory.OPIATE, null, null, null),
        new Substance("cocaine hydrochloride", SubstanceCategory.COCAINE, null, null, null),
        new Substance("cannabis resin", SubstanceCategory.CANNABIS, null, null, null),
        new Substance("methamphetamine", SubstanceCategory.AMPHETAMINE_TYPE, null, null, null),
        new Substance("alpha-PVP", SubstanceCategory.NPS, null, null, null),
        new Substance("APAAN", SubstanceCategory.PRECURSOR_TABLE_I, "4468-48-8", null, null),
        new Substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7", null, null),
        new Substance("potassium permanganate", SubstanceCategory.PRECURSOR_TABLE_I, "7722-64-7", null, null),
        new Substance("toluene", SubstanceCategory.PRECURSOR_TABLE_II, "108-88-3", null, null),
        new Substance("benzyl methyl ketone glycidate", SubstanceCategory.NON_SCHEDULED_CHEMICAL, null, null, null),
    };

    /** The substances generated alerts draw from (without quantities): for other generators of test data. */
    public static List<Substance> substances() {
        return List.of(SUBSTANCES);
    }

    /** The countries generated alerts draw from. */
    public static List<String> countries() {
        return List.of(COUNTRIES);
    }

    /** A valid alert with varied content, the same for the same seed. */
    public static TraffickingAlert random(long seed) {
        Random r = new Random(seed);
        List<Substance> substances = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            Substance s = SUBSTANCES[r.nextInt(SUBSTANCES.length)];
            Quantity q = r.nextBoolean() ? null : new Quantity(
                    BigDecimal.valueOf(1 + r.nextInt(5_000_000), 3), QuantityUnit.values()[r.nextInt(6)]);
            substances.add(new Substance(s.getName(), s.getCategory(), s.getCasNumber(), q,
                    r.nextInt(4) == 0 ? 1 + r.nextInt(99) + 0.5 : null));
        }
        List<String> transit = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            transit.add(pick(r, COUNTRIES));
        }
        Tlp tlp = Tlp.values()[r.nextInt(Tlp.values().length)];
        List<String> addressed = new ArrayList<>();
        if (tlp == Tlp.RED || r.nextBoolean()) {
            addressed.add(pick(r, BODIES));
        }
        List<String> notReleasable = new ArrayList<>();
        String excluded = pick(r, BODIES);
        if (r.nextInt(4) == 0 && !addressed.contains(excluded)) {
            notReleasable.add(excluded);
        }
        HandlingCode code = HandlingCode.values()[r.nextInt(4)];
        AlertKind kind = AlertKind.values()[r.nextInt(AlertKind.values().length)];
        return TraffickingAlert.newBuilder()
                .setAlertId(new UUID(r.nextLong(), r.nextLong()))
                .setVersion(1)
                .setLifecycle(Lifecycle.NEW)
                .setOriginAgency(new Agency("agency-" + r.nextInt(20), pick(r, COUNTRIES), "Agency " + seed % 20))
                .setKind(kind)
                .setPriority(Priority.values()[r.nextInt(3)])
                .setOccurredOn(SAMPLE_DATE.minusDays(r.nextInt(3650)))
                .setReportedAt(Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000)))
                .setSubstances(substances)
                .setRoute(new Route(pick(r, COUNTRIES), r.nextBoolean() ? pick(r, COUNTRIES) : null, transit,
                        r.nextBoolean() ? pick(r, COUNTRIES) : null, r.nextBoolean() ? "Port " + seed : null,
                        r.nextBoolean() ? new GeoPoint(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180) : null))
                .setTransportMode(TransportMode.values()[r.nextInt(TransportMode.values().length)])
                .setConcealmentMethod(r.nextBoolean() ? "hidden in pallets" : null)
                .setSummary("Alert " + seed + ": " + kind + " of " + substances.get(0).getName())
                .setDetails(r.nextBoolean() ? "Details \u2014 \u0434\u0435\u0442\u0430\u043b\u0438 " + seed : null)
                .setLanguage(r.nextBoolean() ? "en" : "ru")
                .setHandling(new Handling(tlp, code, code == HandlingCode.H3 ? "not for court use" : null,
                        addressed, new ArrayList<>(), notReleasable, false))
                .setEvaluation(r.nextBoolean() ? new Evaluation(SourceReliability.values()[r.nextInt(4)], 1 + r.nextInt(4)) : null)
                .setRelatedAlertIds(new ArrayList<>())
                .build();
    }

    /**
     * A "v2" of the alert schema: v1 plus one optional field, {@code seizingUnit} (string or null, default null).
     * Used to show that v1 and v2 readers and writers work together.
     */
    public static Schema alertSchemaV2() {
        Schema base = TraffickingAlert.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : base.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field("seizingUnit", optionalString, "Unit that made the seizure (added in v2).",
                Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
