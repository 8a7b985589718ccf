package org.corridor.registry.compatibility;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a new schema may follow earlier versions under a compatibility level, with Avro's own
 * {@link SchemaCompatibility}. Pure and thread-safe.
 */
public final class CompatibilityChecker {

    /** An earlier version to check against. */
    public record Version(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * @param earlier the subject's live versions, oldest first
     * @return one message per incompatibility; empty when the new schema is compatible
     */
    public static List<String> check(CompatibilityLevel level, Schema candidate, List<Version> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Version> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> messages = new ArrayList<>();
        for (Version old : against) {
            if (level.backward()) {
                describe(messages, "the new schema cannot read data written with version " + old.version(),
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()));
            }
            if (level.forward()) {
                describe(messages, "version " + old.version() + " cannot read data written with the new schema",
                        SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate));
            }
        }
        return messages;
    }

    private static String explain(Incompatibility i) {
        return switch (i.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "the reader's field '" + i.getMessage()
                    + "' has no default value and is missing in the writer's schema";
            default -> i.getMessage();
        };
    }

    private static void describe(List<String> messages, String direction,
                                 SchemaCompatibility.SchemaPairCompatibility result) {
        for (Incompatibility i : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + i.getType() + "', description:'" + direction + ": " + explain(i)
                    + "', location:'" + i.getLocation() + "'}");
        }
    }
}
