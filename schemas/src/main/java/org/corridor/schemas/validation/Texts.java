package org.corridor.schemas.validation;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.corridor.schemas.reference.CountryCodes;
import org.corridor.schemas.reference.ReferenceData;

/** Shared format checks used by several rule groups. */
final class Texts {

    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private Texts() {
    }

    /** An agency id: a lowercase slug. */
    static void agencyId(Violations v, String path, String id) {
        if (v.present(path, id) && !AGENCY_ID.matcher(id).matches()) {
            v.add(path, quote(id) + " is not a lowercase slug (a-z, 0-9 and inner hyphens, 1 to 63 characters)");
        }
    }

    /** A body id of the reference data; returns whether it is one. */
    static boolean knownBody(Violations v, String path, String id, ReferenceData reference) {
        if (reference.isKnownBody(id)) {
            return true;
        }
        v.add(path, quote(id) + " is not a known body (one of " + String.join(", ", reference.bodyIds()) + ")");
        return false;
    }

    /** A BCP 47 language tag, not blank. */
    static void language(Violations v, String path, String tag) {
        if (!v.notBlank(path, tag)) {
            return;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
        } catch (IllformedLocaleException e) {
            v.add(path, quote(tag) + " is not a BCP 47 language tag");
        }
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
