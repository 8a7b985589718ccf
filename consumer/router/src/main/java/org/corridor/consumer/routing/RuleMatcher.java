package org.corridor.consumer.routing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;

/** Decides whether one rule's conditions hold for an alert. Pure and thread-safe. */
final class RuleMatcher {

    private final ReferenceData reference;

    RuleMatcher(ReferenceData reference) {
        this.reference = reference;
    }

    boolean matches(Condition c, TraffickingAlert a) {
        LocalDate on = a.getOccurredOn();
        return (c.kinds().isEmpty() || c.kinds().contains(a.getKind()))
                && (c.priorities().isEmpty() || c.priorities().contains(a.getPriority()))
                && (c.categories().isEmpty() || a.getSubstances().stream().anyMatch(s -> c.categories().contains(s.getCategory())))
                && (c.casNumbers().isEmpty() || a.getSubstances().stream().anyMatch(s -> s.getCasNumber() != null && c.casNumbers().contains(s.getCasNumber())))
                && c.minQuantity().map(min -> a.getSubstances().stream().anyMatch(s -> atLeast(s, min))).orElse(true)
                && (c.routeCountries().isEmpty() || routeCountries(a.getRoute()).stream().anyMatch(c.routeCountries()::contains))
                && c.routeMemberOf().map(body -> routeCountries(a.getRoute()).stream()
                        .anyMatch(country -> reference.isMember(body, country, on))).orElse(true)
                && c.eventCountryMemberOf().map(body -> reference.isMember(body, a.getRoute().getEventCountry(), on)).orElse(true)
                && c.minRouteCountries().map(n -> routeCountries(a.getRoute()).size() >= n).orElse(true)
                && (c.tlp().isEmpty() || c.tlp().contains(a.getHandling().getTlp()))
                && c.hasConcealment().map(want -> want == (a.getConcealmentMethod() != null
                        && !a.getConcealmentMethod().isBlank())).orElse(true);
    }

    /** Event, origin, transit and destination countries, without repeats, in that order. */
    static Set<String> routeCountries(Route r) {
        Set<String> countries = new LinkedHashSet<>();
        countries.add(r.getEventCountry());
        if (r.getOriginCountry() != null) {
            countries.add(r.getOriginCountry());
        }
        countries.addAll(r.getTransitCountries());
        if (r.getDestinationCountry() != null) {
            countries.add(r.getDestinationCountry());
        }
        return countries;
    }

    private static boolean atLeast(Substance s, Condition.MinQuantity min) {
        Quantity q = s.getQuantity();
        if (q == null) {
            return false;
        }
        BigDecimal amount = inUnit(q.getAmount(), q.getUnit(), min.unit());
        return amount != null && amount.compareTo(min.amount()) >= 0;
    }

    /** The amount in the wanted unit, or null when the units do not convert (mass to volume, units to mass). */
    private static BigDecimal inUnit(BigDecimal amount, QuantityUnit from, QuantityUnit to) {
        if (from == to) {
            return amount;
        }
        return switch (from.name() + ">" + to.name()) {
            case "G>KG", "ML>L" -> amount.movePointLeft(3);
            case "KG>G", "L>ML" -> amount.movePointRight(3);
            default -> null;
        };
    }
}
