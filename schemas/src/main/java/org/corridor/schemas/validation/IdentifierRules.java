package org.corridor.schemas.validation;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.TransportDocument;
import org.corridor.schemas.avro.TransportDocumentKind;
import org.corridor.schemas.avro.Vehicle;

/**
 * The identifiers of goods, conveyances, documents and companies: each list at most {@value #MAX_ENTRIES} entries,
 * each in its normalised form, check digits checked where the scheme has one ({@link CheckDigits}), countries ISO.
 */
final class IdentifierRules {

    static final int MAX_ENTRIES = 50;
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{2,12}");
    private static final Pattern FLIGHT = Pattern.compile("(?![0-9]{2})[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9]{4,35}");

    private IdentifierRules() {
    }

    static void check(Identifiers ids, Violations v) {
        if (ids == null) {
            return;
        }
        each(v, "identifiers.containers", ids.getContainers(), s -> CheckDigits.isContainer(s) ? null
                : "\"" + s + "\" is not an ISO 6346 container number (3 letters, U, J or Z, 6 digits, the check digit; no spaces)"
                + (s != null && s.matches("[A-Z]{3}[UJZ][0-9]{7}") ? ": its check digit should be "
                + CheckDigits.containerCheckDigit(s.substring(0, 10)) : ""));
        each(v, "identifiers.vessels", ids.getVessels(), s -> CheckDigits.isImo(s) ? null
                : "\"" + s + "\" is not an IMO number (IMO and 7 digits, the last a check digit)");
        List<Vehicle> vehicles = ids.getVehicles();
        if (vehicles != null) {
            for (int i = 0, n = size(v, "identifiers.vehicles", vehicles); i < n; i++) {
                String path = "identifiers.vehicles[" + i + "]";
                Vehicle x = vehicles.get(i);
                if (v.present(path, x)) {
                    Texts.country(v, path + ".country", x.getCountry());
                    if (v.present(path + ".plate", x.getPlate()) && !PLATE.matcher(x.getPlate()).matches()) {
                        v.add(path + ".plate", "\"" + x.getPlate() + "\" is not a normalised registration (2 to 12 upper-case"
                                + " letters and digits, no spaces or hyphens)");
                    }
                }
            }
        }
        each(v, "identifiers.flights", ids.getFlights(), s -> s != null && FLIGHT.matcher(s).matches() ? null
                : "\"" + s + "\" is not an IATA flight designator (airline code of 2 letters or digits, 1 to 4 digits,"
                + " an optional letter; such as TK1234)");
        List<TransportDocument> documents = ids.getTransportDocuments();
        if (documents != null) {
            for (int i = 0, n = size(v, "identifiers.transportDocuments", documents); i < n; i++) {
                String path = "identifiers.transportDocuments[" + i + "]";
                TransportDocument d = documents.get(i);
                if (!v.present(path, d) || !v.present(path + ".reference", d.getReference())) {
                    continue;
                }
                if (d.getKind() == TransportDocumentKind.AIR_WAYBILL) {
                    if (!CheckDigits.isAirWaybill(d.getReference())) {
                        v.add(path + ".reference", "\"" + d.getReference() + "\" is not an air waybill number (11 digits:"
                                + " airline prefix, 7-digit serial, check digit the serial mod 7; no hyphen)");
                    }
                } else if (!REFERENCE.matcher(d.getReference()).matches()) {
                    v.add(path + ".reference", "\"" + d.getReference() + "\" is not a normalised reference (4 to 35"
                            + " upper-case letters and digits)");
                }
            }
        }
        List<Company> companies = ids.getCompanies();
        if (companies != null) {
            for (int i = 0, n = size(v, "identifiers.companies", companies); i < n; i++) {
                String path = "identifiers.companies[" + i + "]";
                Company c = companies.get(i);
                if (!v.present(path, c)) {
                    continue;
                }
                if (v.notBlank(path + ".name", c.getName()) && (c.getName().strip().length() < 2 || c.getName().length() > 200)) {
                    v.add(path + ".name", "must be 2 to 200 characters");
                }
                Texts.country(v, path + ".country", c.getCountry());
            }
        }
    }

    /** Adds a violation when the list is too long; returns how many of its entries are checked. */
    private static int size(Violations v, String path, List<?> list) {
        if (list.size() > MAX_ENTRIES) {
            v.add(path, "at most " + MAX_ENTRIES + " entries, not " + list.size());
        }
        return Math.min(list.size(), MAX_ENTRIES);
    }

    /** The list's size, and each entry (up to the limit) by {@code rule}, which answers null or what is wrong. */
    private static <T> void each(Violations v, String path, List<T> list, Function<T, String> rule) {
        if (list == null) {
            return;
        }
        for (int i = 0, n = size(v, path, list); i < n; i++) {
            String problem = rule.apply(list.get(i));
            if (problem != null) {
                v.add(path + "[" + i + "]", problem);
            }
        }
    }
}
