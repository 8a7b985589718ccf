package org.corridor.producer.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;
import org.corridor.schemas.validation.EnumText;
import org.corridor.schemas.validation.Violation;

/**
 * Turns a CSV row of the documented layout (docs/bulk-import.md) into an alert. Columns are found by header name;
 * only kind, occurred_on, event_country, summary and tlp are required. Lists are separated by {@code ;}; substances
 * are {@code name:amount:unit[:category[:cas]]}, the category guessed from the name when absent. Pure.
 */
final class CsvAlerts {

    static final List<String> COLUMNS = List.of("id", "kind", "priority", "occurred_on", "event_country", "origin_country",
            "transit_countries", "destination_country", "place", "transport_mode", "concealment", "substances", "summary",
            "details", "language", "tlp", "handling_code", "handling_restriction", "addressed_to", "releasable_to",
            "not_releasable_to");
    static final Set<String> REQUIRED = Set.of("kind", "occurred_on", "event_country", "summary", "tlp");

    private final Agency agency;
    private final SubstanceNames substanceNames;

    CsvAlerts(Agency agency, SubstanceNames substanceNames) {
        this.agency = agency;
        this.substanceNames = substanceNames;
    }

    /** Builds the alert; problems with the row's text are returned as violations named by column. */
    TraffickingAlert alert(CSVRecord row, List<Violation> problems) {
        TraffickingAlert a = new TraffickingAlert();
        a.setAlertId(alertId(row, agency.getAgencyId()));
        a.setVersion(1);
        a.setLifecycle(Lifecycle.NEW);
        a.setOriginAgency(agency);
        a.setKind(enumOf(row, "kind", AlertKind.class, null, problems));
        a.setPriority(enumOf(row, "priority", Priority.class, Priority.ROUTINE, problems));
        a.setOccurredOn(date(row, problems));
        a.setSubstances(substances(text(row, "substances"), problems));
        a.setRoute(new Route(upper(text(row, "event_country")), upper(text(row, "origin_country")),
                list(text(row, "transit_countries")).stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toList()),
                upper(text(row, "destination_country")), text(row, "place"), null));
        a.setTransportMode(enumOf(row, "transport_mode", TransportMode.class, TransportMode.NOT_SPECIFIED, problems));
        a.setConcealmentMethod(text(row, "concealment"));
        a.setSummary(text(row, "summary"));
        a.setDetails(text(row, "details"));
        String language = text(row, "language");
        a.setLanguage(language == null ? "en" : language);
        a.setHandling(new Handling(enumOf(row, "tlp", Tlp.class, null, problems),
                enumOf(row, "handling_code", HandlingCode.class, HandlingCode.H0, problems), text(row, "handling_restriction"),
                list(text(row, "addressed_to")), list(text(row, "releasable_to")), list(text(row, "not_releasable_to")), false));
        a.setRelatedAlertIds(new ArrayList<>());
        return a;
    }

    /** The id column as a UUID, a name-based UUID of the id column, or of the whole row when there is none. */
    static UUID alertId(CSVRecord row, String agencyId) {
        String id = text(row, "id");
        if (id != null && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return UUID.fromString(id.toLowerCase(Locale.ROOT));
        }
        String basis = id != null ? "id:" + id : "row:" + String.join("\u001f", row.values());
        return UUID.nameUUIDFromBytes(("corridor:" + agencyId + ":" + basis).getBytes(StandardCharsets.UTF_8));
    }

    private List<Substance> substances(String text, List<Violation> problems) {
        List<Substance> substances = new ArrayList<>();
        List<String> items = list(text);
        for (int i = 0; i < items.size(); i++) {
            String[] parts = items.get(i).split(":", -1);
            String path = "substances[" + i + "]";
            if (parts.length < 3 || parts.length > 5 || parts[0].isBlank()) {
                problems.add(new Violation(path, "\"" + items.get(i) + "\" is not name:amount:unit[:category[:cas]]"));
                continue;
            }
            BigDecimal amount = null;
            try {
                amount = new BigDecimal(parts[1].trim());
                if (amount.stripTrailingZeros().scale() <= 3) {
                    amount = amount.setScale(3, java.math.RoundingMode.UNNECESSARY);
                }
            } catch (NumberFormatException e) {
                problems.add(new Violation(path + ".quantity.amount", "\"" + parts[1] + "\" is not a number"));
            }
            QuantityUnit unit = enumText(parts[2], path + ".quantity.unit", QuantityUnit.class, problems);
            SubstanceNames.Guess guess = substanceNames.guess(parts[0]);
            SubstanceCategory category = parts.length >= 4 && !parts[3].isBlank()
                    ? enumText(parts[3], path + ".category", SubstanceCategory.class, problems) : guess.category();
            String cas = parts.length == 5 && !parts[4].isBlank() ? parts[4].trim() : guess.cas();
            substances.add(new Substance(parts[0].trim(), category, cas,
                    amount == null || unit == null ? null : new Quantity(amount, unit), null));
        }
        return substances;
    }

    private static LocalDate date(CSVRecord row, List<Violation> problems) {
        String text = text(row, "occurred_on");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Violation("occurred_on", "\"" + text + "\" is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(CSVRecord row, String column, Class<E> type, E fallback, List<Violation> problems) {
        String text = text(row, column);
        return text == null ? fallback : enumText(text, column, type, problems);
    }

    private static <E extends Enum<E>> E enumText(String text, String path, Class<E> type, List<Violation> problems) {
        return EnumText.constant(type, text, EnumText.Spelling.LENIENT).orElseGet(() -> {
            problems.add(new Violation(path, EnumText.notOneOf(text, type)));
            return null;
        });
    }

    static String text(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static List<String> list(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(ArrayList::new));
    }
}
