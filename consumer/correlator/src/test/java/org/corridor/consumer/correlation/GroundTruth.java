package org.corridor.consumer.correlation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.Vehicle;
import org.corridor.schemas.validation.CheckDigits;

/**
 * A seeded ground truth for the matcher: events each reported by one agency, or by two with realistic noise (the
 * other report in other units, up to 12 % off, one in ten without a quantity, a transit country left out, a date up
 * to 5 days off, the container in one report only),
 * and hard negatives (the same substance and route with other quantities, or months apart).
 */
public final class GroundTruth {

    /** The reports and which pairs of them (by alert id) concern the same event. */
    public record Sample(List<Report> reports, Set<Set<UUID>> same, List<TraffickingAlert> alerts) {
    }

    private static final String[] COUNTRIES = SampleAlerts.countries().toArray(String[]::new);
    /** The generated alerts' substances but the unscheduled chemical, whose name alone says little. */
    private static final Substance[] SUBSTANCES = SampleAlerts.substances().stream()
            .filter(x -> x.getCategory() != SubstanceCategory.NON_SCHEDULED_CHEMICAL).toArray(Substance[]::new);
    private static final LocalDate START = LocalDate.of(2023, 1, 1);

    private GroundTruth() {
    }

    public static Sample generate(long seed, int events) {
        Random r = new Random(seed);
        List<Report> reports = new ArrayList<>();
        List<TraffickingAlert> alerts = new ArrayList<>();
        Set<Set<UUID>> same = new HashSet<>();
        for (int e = 0; e < events; e++) {
            Substance substance = SUBSTANCES[r.nextInt(SUBSTANCES.length)];
            boolean liquid = substance.getCasNumber() != null && !substance.getName().startsWith("potassium");
            double amount = Math.exp(Math.log(5) + r.nextDouble() * (Math.log(3000) - Math.log(5)));
            List<String> route = route(r);
            LocalDate day = START.plusDays(r.nextInt(1100));
            String container = r.nextBoolean() ? container(r) : null;
            int agencyA = r.nextInt(40);
            TraffickingAlert a = alert(r, agencyA, substance, amount, liquid ? QuantityUnit.L : QuantityUnit.KG, route, day,
                    container);
            reports.add(report(a));
            alerts.add(a);
            int shape = r.nextInt(10);
            if (shape < 4) {
                // The same event reported by another agency, with noise.
                int agencyB = (agencyA + 1 + r.nextInt(39)) % 40;
                // Weighed elsewhere (with or without packaging): up to 12 % off.
                double noisy = amount * (1 + (r.nextDouble() - 0.5) * 0.24);
                boolean otherUnits = r.nextBoolean();
                List<String> routeB = new ArrayList<>(route);
                if (routeB.size() > 3 && r.nextBoolean()) {
                    routeB.remove(1 + r.nextInt(routeB.size() - 2));
                }
                String containerB = container != null && r.nextInt(3) > 0 ? container : null;
                TraffickingAlert b = alert(r, agencyB, substance, otherUnits ? noisy * 1000 : noisy,
                        otherUnits ? (liquid ? QuantityUnit.ML : QuantityUnit.G) : (liquid ? QuantityUnit.L : QuantityUnit.KG),
                        routeB, day.plusDays(r.nextInt(11) - 5), containerB);
                if (r.nextInt(10) == 0) {
                    // Not weighed yet when it was reported.
                    b.getSubstances().get(0).setQuantity(null);
                }
                reports.add(report(b));
                alerts.add(b);
                same.add(Set.of(a.getAlertId(), b.getAlertId()));
            } else if (shape < 6) {
                // A hard negative: the same substance and route, but other quantities or months apart.
                int agencyB = (agencyA + 1 + r.nextInt(39)) % 40;
                boolean otherQuantity = r.nextBoolean();
                TraffickingAlert b = alert(r, agencyB, substance, otherQuantity ? amount * (1.4 + r.nextDouble() * 2) : amount,
                        liquid ? QuantityUnit.L : QuantityUnit.KG, route,
                        otherQuantity ? day.plusDays(r.nextInt(5)) : day.plusDays(60 + r.nextInt(300)), null);
                reports.add(report(b));
                alerts.add(b);
            }
        }
        return new Sample(reports, same, alerts);
    }

    private static List<String> route(Random r) {
        List<String> route = new ArrayList<>();
        int length = 2 + r.nextInt(4);
        while (route.size() < length) {
            String c = COUNTRIES[r.nextInt(COUNTRIES.length)];
            if (!route.contains(c)) {
                route.add(c);
            }
        }
        return route;
    }

    private static TraffickingAlert alert(Random r, int agency, Substance substance, double amount, QuantityUnit unit,
                                          List<String> route, LocalDate day, String container) {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        a.setAlertId(new UUID(r.nextLong(), r.nextLong()));
        a.setOriginAgency(new Agency("agency-" + agency, COUNTRIES[agency % COUNTRIES.length], "Agency " + agency));
        a.setOccurredOn(day);
        a.setSubstances(new ArrayList<>(List.of(new Substance(substance.getName(), substance.getCategory(),
                substance.getCasNumber(), new Quantity(BigDecimal.valueOf(amount).setScale(3, RoundingMode.HALF_UP), unit), null))));
        String event = route.get(r.nextInt(route.size()));
        a.setRoute(new Route(event, route.get(0), new ArrayList<>(route.subList(1, route.size() - 1)),
                route.get(route.size() - 1), null, null));
        Identifiers ids = Identifiers.newBuilder().setContainers(new ArrayList<>()).setVessels(new ArrayList<>())
                .setVehicles(new ArrayList<>()).setFlights(new ArrayList<>()).setTransportDocuments(new ArrayList<>())
                .setCompanies(new ArrayList<>()).build();
        if (container != null) {
            ids.getContainers().add(container);
        }
        if (r.nextInt(4) == 0) {
            ids.getVehicles().add(new Vehicle(route.get(0), "P" + r.nextInt(1_000_000)));
        }
        a.setIdentifiers(ids);
        return a;
    }

    /** A random ISO 6346 number with its right check digit. */
    static String container(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            s.append((char) ('A' + r.nextInt(26)));
        }
        s.append('U').append(String.format("%06d", r.nextInt(1_000_000)));
        for (int d = 0; d < 10; d++) {
            if (CheckDigits.isContainer(s.toString() + d)) {
                return s.toString() + d;
            }
        }
        throw new IllegalStateException("no check digit for " + s);
    }

    public static Report report(TraffickingAlert a) {
        return Report.of(a, new Report.Released(Set.of("UNODC"), Tlp.AMBER, HandlingCode.H1, Set.of()));
    }
}
