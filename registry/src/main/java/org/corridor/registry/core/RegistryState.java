package org.corridor.registry.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state, rebuilt by applying the log from its start. Every method is synchronized: the log reader
 * applies records while HTTP threads read.
 */
public final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final Map<String, TreeMap<Integer, StoredVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, String> compatibility = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();
    private final Map<Integer, Schema> parsed = new ConcurrentHashMap<>();
    private static final String GLOBAL = "\u0000global";
    private int maxId;

    /** Applies one log record. Unknown key types are skipped with a warning, so newer writers do not stop readers. */
    public synchronized void apply(LogRecord record) {
        JsonNode key = LogFormat.parse(record.key());
        JsonNode value = record.value() == null ? null : LogFormat.parse(record.value());
        String subject = key.path("subject").isNull() ? GLOBAL : key.path("subject").asString(GLOBAL);
        switch (key.path("keytype").asString()) {
            case LogFormat.SCHEMA -> applySchema(key.path("subject").asString(), key.path("version").asInt(), value);
            case LogFormat.CONFIG -> put(compatibility, subject, value == null ? null : value.path("compatibilityLevel").asString());
            case LogFormat.MODE -> put(modes, subject, value == null ? null : value.path("mode").asString());
            case LogFormat.ID_WATERMARK -> maxId = Math.max(maxId, value == null ? 0 : value.path("maxId").asInt());
            default -> log.warn("Skipping log record with unknown key type: {}", record.key());
        }
    }

    private void applySchema(String subject, int version, JsonNode value) {
        TreeMap<Integer, StoredVersion> versions = subjects.computeIfAbsent(subject, s -> new TreeMap<>());
        if (value == null) {
            StoredVersion removed = versions.remove(version);
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
            if (removed != null && !referenced(removed.id())) {
                schemaById.remove(removed.id());
                idBySchema.remove(removed.schema());
                parsed.remove(removed.id());
            }
            return;
        }
        StoredVersion v = new StoredVersion(subject, version, value.path("id").asInt(), value.path("schema").asString(),
                value.path("deleted").asBoolean(false));
        versions.put(version, v);
        schemaById.put(v.id(), v.schema());
        idBySchema.putIfAbsent(v.schema(), v.id());
        maxId = Math.max(maxId, v.id());
    }

    private boolean referenced(int id) {
        return subjects.values().stream().flatMap(m -> m.values().stream()).anyMatch(v -> v.id() == id);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /** Versions of the subject, oldest first; soft-deleted ones only when asked. */
    public synchronized List<StoredVersion> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, StoredVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** Subjects with at least one version (live, or any when includeDeleted), sorted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                names.add(name);
            }
        });
        return new ArrayList<>(names);
    }

    /** The highest version number the subject ever had in the log (soft-deleted ones included), or 0. */
    public synchronized int highestVersion(String subject) {
        TreeMap<Integer, StoredVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    public synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    public synchronized Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idBySchema.get(canonicalSchema));
    }

    /** Every version, in any subject, that uses this id. */
    public synchronized List<StoredVersion> usesOf(int id) {
        List<StoredVersion> uses = new ArrayList<>();
        new TreeMap<>(subjects).values().forEach(m -> m.values().stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    public synchronized int maxId() {
        return maxId;
    }

    /** The subject's own compatibility level, or the global one when subject is null. */
    public synchronized Optional<String> compatibility(String subject) {
        return Optional.ofNullable(compatibility.get(subject == null ? GLOBAL : subject));
    }

    /** The subject's own mode, or the global one when subject is null. */
    public synchronized Optional<String> mode(String subject) {
        return Optional.ofNullable(modes.get(subject == null ? GLOBAL : subject));
    }

    /** The parsed schema of an id, parsed once. */
    public Schema parsedSchema(int id, String text) {
        return parsed.computeIfAbsent(id, k -> new Schema.Parser().parse(text));
    }
}
