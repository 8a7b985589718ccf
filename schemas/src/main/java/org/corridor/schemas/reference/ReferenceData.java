package org.corridor.schemas.reference;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.corridor.schemas.reference.CsvRows.BadRow;
import org.corridor.schemas.reference.CsvRows.Row;

/**
 * The bodies, their memberships and the precursor tables, loaded from versioned resource files and validated.
 * Immutable and thread-safe. {@link #defaults()} loads the bundled files once per JVM.
 */
public final class ReferenceData {

    /** Resource folder of the bundled files. */
    public static final String DEFAULT_LOCATION = "org/corridor/schemas/reference/";
    static final String BODIES = "bodies.csv";
    static final String MEMBERSHIPS = "memberships.csv";
    static final String PRECURSORS = "precursors.csv";

    private final Map<String, RecipientBody> bodies;
    private final Map<String, List<Membership>> membershipsByBody;
    /** The same rows by body, then country. */
    private final Map<String, Map<String, List<Membership>>> membershipsByBodyAndCountry;
    private final Map<String, Precursor> precursorsByCas;

    private ReferenceData(Map<String, RecipientBody> bodies, Map<String, List<Membership>> membershipsByBody,
                          Map<String, Precursor> precursorsByCas) {
        this.bodies = bodies;
        this.membershipsByBody = membershipsByBody;
        Map<String, Map<String, List<Membership>>> index = new java.util.HashMap<>();
        membershipsByBody.forEach((body, rows) -> index.put(body, rows.stream().collect(
                Collectors.groupingBy(Membership::country, Collectors.toUnmodifiableList()))));
        this.membershipsByBodyAndCountry = Map.copyOf(index);
        this.precursorsByCas = precursorsByCas;
    }

    private static final class Defaults {
        static final ReferenceData INSTANCE = load(name -> ReferenceData.class.getClassLoader()
                .getResourceAsStream(DEFAULT_LOCATION + name));
    }

    /** The bundled reference data, loaded and validated on first use. */
    public static ReferenceData defaults() {
        return Defaults.INSTANCE;
    }

    /**
     * Loads the three files through {@code open} (given a file name, returns its stream or null).
     *
     * @throws ReferenceDataException naming the file and line of the first bad row
     */
    public static ReferenceData load(Function<String, InputStream> open) {
        Map<String, RecipientBody> bodies = new LinkedHashMap<>();
        CsvRows.read(BODIES, open.apply(BODIES), Set.of("id", "name"), row -> {
            RecipientBody body = body(row);
            if (bodies.putIfAbsent(body.id(), body) != null) {
                throw new BadRow("id: \"" + body.id() + "\" is listed twice");
            }
            return body;
        });
        List<Membership> memberships = CsvRows.read(MEMBERSHIPS, open.apply(MEMBERSHIPS),
                Set.of("body", "country", "since", "until"), row -> membership(row, bodies.keySet()));
        Map<String, Precursor> precursors = new LinkedHashMap<>();
        CsvRows.read(PRECURSORS, open.apply(PRECURSORS), Set.of("name", "cas", "table", "used_for"), row -> {
            Precursor p = precursor(row);
            if (precursors.putIfAbsent(p.cas(), p) != null) {
                throw new BadRow("cas: " + p.cas() + " is listed twice");
            }
            return p;
        });
        Map<String, List<Membership>> byBody = memberships.stream()
                .collect(Collectors.groupingBy(Membership::body, LinkedHashMap::new, Collectors.toUnmodifiableList()));
        return new ReferenceData(Map.copyOf(bodies), Map.copyOf(byBody), Map.copyOf(precursors));
    }

    /** Every body; use {@link #bodyIds()} where order matters. */
    public Collection<RecipientBody> bodies() {
        return bodies.values();
    }

    /** Body ids in alphabetical order. */
    public SortedSet<String> bodyIds() {
        return new TreeSet<>(bodies.keySet());
    }

    public boolean isKnownBody(String id) {
        return id != null && bodies.containsKey(id);
    }

    public Optional<RecipientBody> body(String id) {
        return Optional.ofNullable(bodies.get(id));
    }

    /** Whether the country was a member of the body on that date. A body without membership rows has no members. */
    public boolean isMember(String body, String country, LocalDate on) {
        // Looked up, not scanned: the router asks this for every body and country of every alert.
        Map<String, List<Membership>> byCountry = membershipsByBodyAndCountry.get(body);
        List<Membership> rows = byCountry == null ? null : byCountry.get(country);
        if (rows == null) {
            return false;
        }
        for (Membership m : rows) {
            if (m.validOn(on)) {
                return true;
            }
        }
        return false;
    }

    /** Countries that were members of the body on that date, sorted. */
    public SortedSet<String> members(String body, LocalDate on) {
        return membershipsByBody.getOrDefault(body, List.of()).stream()
                .filter(m -> m.validOn(on))
                .map(Membership::country)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Bodies that have a membership list (the regional ones). */
    public Set<String> bodiesWithMemberships() {
        return membershipsByBody.keySet();
    }

    /** The scheduled precursor with that CAS number, if it is on Table I or II. */
    public Optional<Precursor> precursor(String cas) {
        return Optional.ofNullable(precursorsByCas.get(cas));
    }

    public Collection<Precursor> precursors() {
        return precursorsByCas.values();
    }

    private static RecipientBody body(Row row) {
        String id = row.required("id");
        if (!id.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new BadRow("id: \"" + id + "\" must be upper-case letters, digits and underscores");
        }
        return new RecipientBody(id, row.required("name"));
    }

    private static Membership membership(Row row, Set<String> knownBodies) {
        String body = row.required("body");
        if (!knownBodies.contains(body)) {
            throw new BadRow("body: \"" + body + "\" is not a body of " + BODIES);
        }
        String country = row.required("country");
        if (!CountryCodes.isIsoAlpha2(country)) {
            throw new BadRow("country: \"" + country + "\" is not an ISO 3166-1 alpha-2 code");
        }
        Optional<LocalDate> since = date(row, "since");
        Optional<LocalDate> until = date(row, "until");
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new BadRow("until: " + until.get() + " must be after since " + since.get());
        }
        return new Membership(body, country, since, until);
    }

    private static Optional<LocalDate> date(Row row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new BadRow(column + ": \"" + text + "\" is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static Precursor precursor(Row row) {
        String cas = row.required("cas");
        if (!CasNumbers.hasValidFormat(cas)) {
            throw new BadRow("cas: \"" + cas + "\" is not a CAS number (NNNNNNN-NN-N)");
        }
        if (!CasNumbers.hasValidCheckDigit(cas)) {
            throw new BadRow("cas: \"" + cas + "\" has a wrong check digit");
        }
        String table = row.required("table");
        PrecursorTable t = switch (table) {
            case "I" -> PrecursorTable.I;
            case "II" -> PrecursorTable.II;
            default -> throw new BadRow("table: \"" + table + "\" is not I or II");
        };
        return new Precursor(row.required("name"), cas, t, row.get("used_for"));
    }
}
