package org.corridor.registry.core;

import java.util.Locale;
import java.util.Set;

/** The registry modes: READWRITE (default), READONLY (no schema writes or deletes), IMPORT. */
final class Modes {

    static final String READWRITE = "READWRITE";
    static final String READONLY = "READONLY";
    static final Set<String> ALL = Set.of(READWRITE, READONLY, "IMPORT");

    private Modes() {
    }

    static String parse(String text) {
        String mode = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!ALL.contains(mode)) {
            throw new RegistryException(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY and IMPORT; got '"
                    + text + "'");
        }
        return mode;
    }
}
