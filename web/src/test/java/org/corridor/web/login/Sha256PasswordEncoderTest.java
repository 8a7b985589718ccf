package org.corridor.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256PasswordEncoderTest {

    @Test
    void matchesOnlyThePasswordWhoseHashIsStored() {
        Sha256PasswordEncoder encoder = new Sha256PasswordEncoder();
        String stored = encoder.encode("correct horse");
        assertThat(stored).isEqualTo(Sha256PasswordEncoder.sha256Hex("correct horse")).matches("[0-9a-f]{64}");
        assertThat(encoder.matches("correct horse", stored)).isTrue();
        assertThat(encoder.matches("correct horse ", stored)).isFalse();
        assertThat(encoder.matches(null, stored)).isFalse();
        assertThat(encoder.matches("correct horse", null)).isFalse();
    }
}
