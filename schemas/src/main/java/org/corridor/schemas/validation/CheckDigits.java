package org.corridor.schemas.validation;

import java.util.regex.Pattern;

/**
 * The check digits of the identifier schemes that have one, by their specifications: ISO 6346 (containers), the IMO
 * ship identification number (SOLAS XI-1/3) and the IATA air waybill number (Resolution 600a: serial mod 7). Pure.
 */
public final class CheckDigits {

    private static final Pattern CONTAINER = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");
    private static final Pattern IMO = Pattern.compile("IMO[0-9]{7}");
    private static final Pattern AWB = Pattern.compile("[0-9]{11}");

    private CheckDigits() {
    }

    /** Whether {@code number} is an ISO 6346 container number whose check digit is right. */
    public static boolean isContainer(String number) {
        return number != null && CONTAINER.matcher(number).matches()
                && containerCheckDigit(number.substring(0, 10)) == number.charAt(10) - '0';
    }

    /**
     * The ISO 6346 check digit of owner code, category and serial: each character's value (digits as themselves,
     * letters from A = 10 upwards, skipping 11, 22 and 33) times 2 to the power of its position, summed, mod 11, mod 10.
     */
    static int containerCheckDigit(String first10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += value(first10.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int v = 10 + (c - 'A');
        // 11, 22 and 33 are multiples of the modulus and are skipped: A=10, B=12 ... K=21, L=23 ... U=32, V=34 ...
        return v + (v >= 11 ? 1 : 0) + (v >= 21 ? 1 : 0) + (v >= 31 ? 1 : 0);
    }

    /** Whether {@code number} is {@code IMO} and 7 digits whose last is the weighted sum (7 to 2) of the others mod 10. */
    public static boolean isImo(String number) {
        if (number == null || !IMO.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (number.charAt(3 + i) - '0') * (7 - i);
        }
        return sum % 10 == number.charAt(9) - '0';
    }

    /** Whether {@code number} is 11 digits whose last is the 7-digit serial before it mod 7. */
    public static boolean isAirWaybill(String number) {
        if (number == null || !AWB.matcher(number).matches()) {
            return false;
        }
        return Long.parseLong(number.substring(3, 10)) % 7 == number.charAt(10) - '0';
    }
}
