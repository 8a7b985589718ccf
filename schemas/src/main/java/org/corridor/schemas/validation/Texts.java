package org.corridor.schemas.validation;

import org.corridor.schemas.reference.CountryCodes;

/** Shared format checks used by several rule groups. */
final class Texts {

    private Texts() {
    }

    static void country(Violations v, String path, String value) {
        if (v.present(path, value) && !CountryCodes.isIsoAlpha2(value)) {
            v.add(path, quote(value) + " is not an ISO 3166-1 alpha-2 code");
        }
    }

    static void optionalCountry(Violations v, String path, String value) {
        if (value != null) {
            country(v, path, value);
        }
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }
}
