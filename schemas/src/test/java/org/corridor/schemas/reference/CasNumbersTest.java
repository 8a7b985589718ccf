package org.corridor.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CasNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"108-24-7", "7732-18-5", "4468-48-8", "125541-22-2", "64-17-5"})
    void acceptsRealCasNumbers(String cas) {
        assertThat(CasNumbers.hasValidFormat(cas)).isTrue();
        assertThat(CasNumbers.hasValidCheckDigit(cas)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"108-24-8", "7732-18-4", "4468-48-7"})
    void rejectsWrongCheckDigits(String cas) {
        assertThat(CasNumbers.hasValidFormat(cas)).isTrue();
        assertThat(CasNumbers.hasValidCheckDigit(cas)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "108247", "1-24-7", "12345678-24-7", "108-2-7", "108-24-77", "abc-de-f", "0108-24-7"})
    void rejectsMalformed(String cas) {
        assertThat(CasNumbers.hasValidFormat(cas)).isFalse();
        assertThat(CasNumbers.hasValidCheckDigit(cas)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void everyBundledPrecursorHasAValidCasNumber() {
        assertThat(ReferenceData.defaults().precursors())
                .allSatisfy(p -> assertThat(CasNumbers.hasValidCheckDigit(p.cas())).as(p.name()).isTrue());
    }
}
