package org.corridor.consumer.correlation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * What the correlator keeps of one routed alert version: the facts that can link it to another report, and how it
 * was released. Never its text: a hit or a notice made from it can carry only these ids, keys and figures.
 *
 * @param agencyCountry the originating agency's country (ISO alpha-2)
 * @param substances    each substance's identity and amount in its base unit
 * @param countries     every country of the route: event, origin, transit, destination
 * @param keys          its exact identifiers ({@link Keys})
 * @param released      to whom and under which markings the router released this version
 */
public record Report(String agency, String agencyCountry, UUID alertId, int version, boolean retracted, LocalDate occurredOn,
                     List<Amount> substances, Set<String> countries, Set<String> keys, Released released) {

    /**
     * A substance of the report.
     *
     * @param identity {@code cas:<number>}, or {@code <category>:<normalised name>} without one
     * @param name     {@code <category>:<normalised name>}, also when it has a CAS number
     * @param amount   in grams, millilitres or units ({@link Quantities}); null when not reported
     */
    public record Amount(String identity, String name, Quantities.Measure amount) {

        /**
         * What two substances share: the CAS number when both have one (two different numbers are two substances,
         * whatever their names), otherwise the category and name; null when they are not the same substance.
         */
        public String sharedWith(Amount other) {
            boolean bothCas = identity.startsWith("cas:") && other.identity.startsWith("cas:");
            if (bothCas) {
                return identity.equals(other.identity) ? identity : null;
            }
            return name.equals(other.name) ? name : null;
        }
    }

    /**
     * How the router released the version (from its routing decision).
     *
     * @param recipients      the bodies it reached
     * @param notReleasableTo the bodies it must never reach
     * @param releasableTo    null when any body may receive it; otherwise the only bodies it may reach (empty: none)
     */
    public record Released(Set<String> recipients, Tlp tlp, HandlingCode handlingCode, Set<String> notReleasableTo,
                           Set<String> releasableTo) {

        public Released {
            recipients = Set.copyOf(recipients);
            notReleasableTo = Set.copyOf(notReleasableTo);
            releasableTo = releasableTo == null ? null : Set.copyOf(releasableTo);
        }

        /** Released with no {@code releasableTo} list. */
        public Released(Set<String> recipients, Tlp tlp, HandlingCode handlingCode, Set<String> notReleasableTo) {
            this(recipients, tlp, handlingCode, notReleasableTo, null);
        }
    }

    public Report {
        substances = List.copyOf(substances);
        countries = Set.copyOf(countries);
        keys = Set.copyOf(keys);
    }

    /** The report of an alert version, released as the router decided. */
    public static Report of(TraffickingAlert alert, Released released) {
        List<Amount> amounts = new ArrayList<>();
        for (Substance s : alert.getSubstances()) {
            Quantity q = s.getQuantity();
            BigDecimal amount = q == null ? null : q.getAmount();
            amounts.add(new Amount(Keys.substance(s), Keys.substanceName(s),
                    amount == null ? null : Quantities.of(amount, q.getUnit())));
        }
        Set<String> countries = new TreeSet<>();
        Route r = alert.getRoute();
        if (r != null) {
            add(countries, r.getEventCountry());
            add(countries, r.getOriginCountry());
            r.getTransitCountries().forEach(c -> add(countries, c));
            add(countries, r.getDestinationCountry());
        }
        return new Report(alert.getOriginAgency().getAgencyId(), alert.getOriginAgency().getCountry(), alert.getAlertId(),
                alert.getVersion(), alert.getLifecycle() == Lifecycle.RETRACTION, alert.getOccurredOn(), amounts, countries,
                Keys.of(alert), released);
    }

    private static void add(Set<String> countries, String country) {
        if (country != null) {
            countries.add(country);
        }
    }

    /** {@code <agency>/<alert id>}: how other records name the alert. */
    public String ref() {
        return agency + "/" + alertId;
    }
}
