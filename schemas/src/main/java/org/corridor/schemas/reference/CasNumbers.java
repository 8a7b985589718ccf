package org.corridor.schemas.reference;

import java.util.regex.Pattern;

/**
 * CAS Registry Numbers: {@code NNNNNNN-NN-N}, two to seven digits, two digits, one check digit. The check digit is
 * the sum of the other digits, each multiplied by its position counted from the right starting at 1, modulo 10.
 */
public final class CasNumbers {

    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{1,6}-[0-9]{2}-[0-9]");

    private CasNumbers() {
    }

    /** Whether the text has the CAS layout (not checking the check digit). */
    public static boolean hasValidFormat(String cas) {
        return cas != null && FORMAT.matcher(cas).matches();
    }

    /** Whether a well-formed CAS number's check digit is right. */
    public static boolean hasValidCheckDigit(String cas) {
        if (!hasValidFormat(cas)) {
            return false;
        }
        String digits = cas.replace("-", "");
        int check = digits.charAt(digits.length() - 1) - '0';
        int sum = 0;
        for (int i = digits.length() - 2, weight = 1; i >= 0; i--, weight++) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return sum % 10 == check;
    }
}
