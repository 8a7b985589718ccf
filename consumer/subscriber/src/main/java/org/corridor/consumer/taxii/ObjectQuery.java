package org.corridor.consumer.taxii;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of a TAXII 2.1 request ({@code added_after}, {@code limit}, {@code match[id]}, {@code match[type]},
 * {@code match[version]}, {@code match[spec_version]}), parsed and checked (a bad one names the parameter and the
 * rule), and their application to a collection's object versions: the match filters, then the versions asked for
 * ({@code last} unless said: per id the latest, {@code first}, {@code all} or exact timestamps), then
 * {@code added_after}, in the collection's order. Pure; immutable.
 */
record ObjectQuery(Instant addedAfter, int limit, Set<String> ids, Set<String> types, Set<String> versions,
                   Set<String> specVersions, String next) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    /** A page of results: the object versions, whether more follow, and the token for them. */
    record Page(List<Stored> items, boolean more, String next) {
    }

    static ObjectQuery parse(Map<String, List<String>> params, String objectId) {
        Instant addedAfter = null;
        String after = single(params, "added_after");
        if (after != null) {
            if (!TIMESTAMP.matcher(after).matches()) {
                throw new IllegalArgumentException("added_after: \"" + after + "\" is not a timestamp like 2026-11-20T14:03:00.000Z");
            }
            try {
                addedAfter = Instant.parse(after);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("added_after: \"" + after + "\" is not a valid time");
            }
        }
        int limit = Taxii.DEFAULT_LIMIT;
        String l = single(params, "limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit: \"" + l + "\" is not a whole number of at least 1");
            }
            limit = Math.min(limit, Taxii.MAX_LIMIT);
        }
        Set<String> ids = values(params, "match[id]");
        if (objectId != null) {
            ids = Set.of(objectId);
        }
        Set<String> types = values(params, "match[type]");
        for (String t : types) {
            if (!TYPE.matcher(t).matches()) {
                throw new IllegalArgumentException("match[type]: \"" + t + "\" is not a STIX type name");
            }
        }
        Set<String> versions = values(params, "match[version]");
        for (String v : versions) {
            if (!v.equals("last") && !v.equals("first") && !v.equals("all") && !TIMESTAMP.matcher(v).matches()) {
                throw new IllegalArgumentException("match[version]: \"" + v + "\" is not last, first, all or a timestamp");
            }
        }
        if (versions.isEmpty()) {
            versions = Set.of("last");
        }
        Set<String> specVersions = values(params, "match[spec_version]");
        return new ObjectQuery(addedAfter, limit, ids, types, versions, specVersions, single(params, "next"));
    }

    /** The filters as text, for the digest that ties a page token to its query (next and limit left out). */
    String key() {
        return addedAfter + "|" + new java.util.TreeSet<>(ids) + "|" + new java.util.TreeSet<>(types) + "|"
                + new java.util.TreeSet<>(versions) + "|" + new java.util.TreeSet<>(specVersions);
    }

    /** What the filters select, in the collection's order. */
    List<Stored> select(List<Stored> all) {
        Map<String, List<Stored>> byId = new LinkedHashMap<>();
        for (Stored s : all) {
            if ((ids.isEmpty() || ids.contains(s.id())) && (types.isEmpty() || types.contains(s.type()))
                    && (specVersions.isEmpty() || specVersions.contains(s.specVersion()))) {
                byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Stored> chosen = new ArrayList<>();
        for (List<Stored> versionsOfOne : byId.values()) {
            Set<Stored> keep = new LinkedHashSet<>();
            Comparator<Stored> byVersion = Comparator.comparing(Stored::version).thenComparingLong(Stored::order);
            for (String v : versions) {
                switch (v) {
                    case "last" -> keep.add(versionsOfOne.stream().max(byVersion).orElseThrow());
                    case "first" -> keep.add(versionsOfOne.stream().min(byVersion).orElseThrow());
                    case "all" -> keep.addAll(versionsOfOne);
                    default -> versionsOfOne.stream().filter(s -> sameTime(s.version(), v)).forEach(keep::add);
                }
            }
            chosen.addAll(keep);
        }
        chosen.removeIf(s -> addedAfter != null && !s.dateAdded().isAfter(addedAfter));
        chosen.sort(Comparator.comparingLong(Stored::order));
        return chosen;
    }

    /**
     * The page after {@code served} results of {@code selected}.
     *
     * @throws PageBeyondEnd when {@code served} is past the results (a token of a snapshot that no longer holds them)
     */
    Page page(List<Stored> selected, int served, Map<Integer, Long> end) {
        if (served > selected.size()) {
            throw new PageBeyondEnd();
        }
        int to = Math.min(selected.size(), served + limit);
        boolean more = to < selected.size();
        return new Page(List.copyOf(selected.subList(served, to)), more, more ? new PageToken(end, to, key()).encode() : null);
    }

    /** Thrown when a page starts past the end of the results: 416. */
    static final class PageBeyondEnd extends RuntimeException {
        PageBeyondEnd() {
            super("next: the page starts past the end of the results", null, false, false);
        }
    }

    private static boolean sameTime(String a, String b) {
        try {
            return Instant.parse(a).equals(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new IllegalArgumentException(name + ": given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    private static Set<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return Set.copyOf(out);
    }
}
