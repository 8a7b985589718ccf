package org.corridor.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;
import org.corridor.registry.compatibility.CompatibilityChecker;
import org.corridor.registry.compatibility.CompatibilityLevel;

/**
 * The registry's operations, as Confluent's server defines them. Reads answer from the state; writes are serialised
 * by one lock per instance, first read the log to its end, then decide and append. Ids are global: the same canonical
 * schema gets the same id under every subject, and a new schema gets one more than the highest id ever used.
 * Thread-safe.
 */
public final class SchemaRegistry {

    private final RegistryState state;
    private final SchemaLog log;
    private final ReentrantLock writes = new ReentrantLock();

    public SchemaRegistry(RegistryState state, SchemaLog log) {
        this.state = state;
        this.log = log;
    }

    /** A registered version as the API shows it. */
    public record Registered(String subject, int version, int id, String schema) {
        static Registered of(StoredVersion v) {
            return new Registered(v.subject(), v.version(), v.id(), v.schema());
        }
    }

    // ---- schemas and subjects ------------------------------------------------------------------------------------

    /** Registers the schema under the subject, or returns the id it already has there. */
    public int register(String subject, String schemaText, String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        String canonical = schema.toString();
        writes.lock();
        try {
            log.catchUp();
            requireWritable(subject);
            Optional<StoredVersion> existing = state.versions(subject, false).stream()
                    .filter(v -> v.schema().equals(canonical)).findFirst();
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<String> problems = CompatibilityChecker.check(level(subject), schema, live(subject));
            if (!problems.isEmpty()) {
                throw new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema "
                        + "for subject \"" + subject + "\" (" + level(subject) + "), details: " + problems);
            }
            int id = state.idOf(canonical).orElse(state.maxId() + 1);
            StoredVersion version = new StoredVersion(subject, state.highestVersion(subject) + 1, id, canonical, false);
            log.append(List.of(new LogRecord(LogFormat.schemaKey(subject, version.version()), LogFormat.schemaValue(version))));
            return id;
        } finally {
            writes.unlock();
        }
    }

    /** The version of the subject that has this schema. */
    public Registered lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        Schema schema = parse(schemaText, schemaType);
        List<StoredVersion> versions = existingSubject(subject, includeDeleted);
        String canonical = schema.toString();
        return versions.stream().filter(v -> v.schema().equals(canonical)).findFirst().map(Registered::of)
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found"));
    }

    public List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        return existingSubject(subject, includeDeleted).stream().map(StoredVersion::version).toList();
    }

    public Registered version(String subject, String versionText, boolean includeDeleted) {
        return Registered.of(find(subject, VersionSpec.parse(versionText), includeDeleted));
    }

    public String schemaById(int id) {
        return state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
    }

    /** Subject and version of every live use of the id (all uses when includeDeleted). */
    public List<StoredVersion> usesOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.usesOf(id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** Soft-deletes every live version, or permanently deletes a soft-deleted subject. Returns the versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        writes.lock();
        try {
            log.catchUp();
            requireWritable(subject);
            List<StoredVersion> all = existingSubject(subject, true);
            List<StoredVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            List<LogRecord> records = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw new RegistryException(404, 40405, "Subject '" + subject
                            + "' was not deleted first before being permanently deleted");
                }
                records.add(new LogRecord(LogFormat.watermarkKey(), LogFormat.watermarkValue(state.maxId())));
                all.forEach(v -> records.add(new LogRecord(LogFormat.schemaKey(subject, v.version()), null)));
                state.compatibility(subject).ifPresent(c -> records.add(new LogRecord(LogFormat.configKey(subject), null)));
                state.mode(subject).ifPresent(m -> records.add(new LogRecord(LogFormat.modeKey(subject), null)));
                log.append(records);
                return all.stream().map(StoredVersion::version).toList();
            }
            if (live.isEmpty()) {
                throw new RegistryException(404, 40404, "Subject '" + subject
                        + "' was soft deleted. Set permanent=true to delete permanently");
            }
            live.forEach(v -> records.add(softDeleted(v)));
            log.append(records);
            return live.stream().map(StoredVersion::version).toList();
        } finally {
            writes.unlock();
        }
    }

    /** Soft-deletes one version, or permanently deletes a soft-deleted one. Returns its number. */
    public int deleteVersion(String subject, String versionText, boolean permanent) {
        VersionSpec spec = VersionSpec.parse(versionText);
        writes.lock();
        try {
            log.catchUp();
            requireWritable(subject);
            StoredVersion v = find(subject, spec, permanent || !spec.isLatest());
            if (permanent) {
                if (!v.deleted()) {
                    throw new RegistryException(404, 40407, "Subject '" + subject + "' Version " + v.version()
                            + " was not deleted first before being permanently deleted");
                }
                log.append(List.of(new LogRecord(LogFormat.watermarkKey(), LogFormat.watermarkValue(state.maxId())),
                        new LogRecord(LogFormat.schemaKey(subject, v.version()), null)));
            } else {
                if (v.deleted()) {
                    throw new RegistryException(404, 40406, "Subject '" + subject + "' Version " + v.version()
                            + " was soft deleted. Set permanent=true to delete permanently");
                }
                log.append(List.of(softDeleted(v)));
            }
            return v.version();
        } finally {
            writes.unlock();
        }
    }

    // ---- compatibility -------------------------------------------------------------------------------------------

    /**
     * Messages describing why the schema may not follow the given version (or, with versionText null, the versions
     * the subject's level checks against); empty when compatible.
     */
    public List<String> testCompatibility(String subject, String versionText, String schemaText, String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        List<CompatibilityChecker.Version> against;
        if (versionText == null) {
            against = live(subject);
        } else {
            StoredVersion v = find(subject, VersionSpec.parse(versionText), false);
            against = List.of(new CompatibilityChecker.Version(v.version(), state.parsedSchema(v.id(), v.schema())));
        }
        return CompatibilityChecker.check(level(subject), schema, against);
    }

    /** The subject's effective level: its own, else the global one, else BACKWARD. */
    public CompatibilityLevel level(String subject) {
        return state.compatibility(subject).or(() -> state.compatibility(null))
                .flatMap(CompatibilityLevel::parse).orElse(CompatibilityLevel.DEFAULT);
    }

    // ---- config and mode ------------------------------------------------------------------------------------------

    /** The global level (subject null) or the subject's own; empty when the subject has none. */
    public Optional<CompatibilityLevel> configuredLevel(String subject) {
        if (subject == null) {
            return Optional.of(level(null));
        }
        return state.compatibility(subject).flatMap(CompatibilityLevel::parse);
    }

    public CompatibilityLevel setLevel(String subject, String levelText) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelText).orElseThrow(() -> new RegistryException(422, 42203,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, "
                        + "forward_transitive, and full_transitive; got '" + levelText + "'"));
        writeSetting(new LogRecord(LogFormat.configKey(subject), LogFormat.configValue(level.name())));
        return level;
    }

    public CompatibilityLevel deleteLevel(String subject) {
        CompatibilityLevel old = configuredLevel(subject).orElseThrow(() -> new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured"));
        writeSetting(new LogRecord(LogFormat.configKey(subject), null));
        return old;
    }

    /** The global mode (subject null) or the subject's own; empty when the subject has none. */
    public Optional<String> configuredMode(String subject) {
        return subject == null ? Optional.of(state.mode(null).orElse(Modes.READWRITE)) : state.mode(subject);
    }

    public String setMode(String subject, String modeText) {
        String mode = Modes.parse(modeText);
        writeSetting(new LogRecord(LogFormat.modeKey(subject), LogFormat.modeValue(mode)));
        return mode;
    }

    public String deleteMode(String subject) {
        String old = configuredMode(subject).orElseThrow(() -> new RegistryException(404, 40409,
                "Subject '" + subject + "' does not have subject-level mode configured"));
        writeSetting(new LogRecord(LogFormat.modeKey(subject), null));
        return old;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void writeSetting(LogRecord record) {
        writes.lock();
        try {
            log.append(List.of(record));
        } finally {
            writes.unlock();
        }
    }

    private void requireWritable(String subject) {
        String mode = state.mode(subject).or(() -> state.mode(null)).orElse(Modes.READWRITE);
        if (Modes.READONLY.equals(mode)) {
            throw new RegistryException(422, 42205, "Subject '" + subject + "' is in read-only mode");
        }
    }

    private List<StoredVersion> existingSubject(String subject, boolean includeDeleted) {
        List<StoredVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private StoredVersion find(String subject, VersionSpec spec, boolean includeDeleted) {
        List<StoredVersion> versions = existingSubject(subject, includeDeleted);
        if (spec.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == spec.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, spec.number()));
    }

    private List<CompatibilityChecker.Version> live(String subject) {
        return state.versions(subject, false).stream()
                .map(v -> new CompatibilityChecker.Version(v.version(), state.parsedSchema(v.id(), v.schema())))
                .toList();
    }

    private static LogRecord softDeleted(StoredVersion v) {
        StoredVersion deleted = new StoredVersion(v.subject(), v.version(), v.id(), v.schema(), true);
        return new LogRecord(LogFormat.schemaKey(v.subject(), v.version()), LogFormat.schemaValue(deleted));
    }

    private static Schema parse(String text, String schemaType) {
        if (schemaType != null && !schemaType.equals("AVRO")) {
            throw RegistryException.invalidSchema("schema type " + schemaType + " is not supported; only AVRO");
        }
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException | NullPointerException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }
}
