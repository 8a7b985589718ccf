package org.corridor.schemas.reference;

import java.util.Set;

import java.util.Locale;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class CountryCodes {

    private static final Set<String> ISO_ALPHA_2 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private CountryCodes() {
    }

    /** True for an assigned ISO 3166-1 alpha-2 code in upper case, such as {@code KZ}; false for null. */
    public static boolean isIsoAlpha2(String code) {
        return code != null && ISO_ALPHA_2.contains(code);
    }
}
