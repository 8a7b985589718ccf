package org.corridor.schemas.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while the rules run. Not thread-safe; one per validation. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Violation(path, message));
    }

    /** Adds {@code path: must be present} when the value is null; returns whether it was present. */
    boolean present(String path, Object value) {
        if (value == null) {
            add(path, "must be present");
            return false;
        }
        return true;
    }

    /** Adds {@code path: must not be blank} for null or blank text; returns whether it had text. */
    boolean notBlank(String path, String value) {
        if (value == null || value.isBlank()) {
            add(path, "must not be blank");
            return false;
        }
        return true;
    }

    List<Violation> toList() {
        return List.copyOf(found);
    }
}
