package org.corridor.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ScramClientTest {

    @Test
    void aPrincipalOverTlsKeepsTls() {
        assertThat(ScramClient.settingsOver(Map.of("security.protocol", "SASL_SSL"), "body-unodc", "pw"))
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(ScramClient.settingsOver(Map.of("security.protocol", "ssl"), "agency-x", "pw"))
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void aPrincipalOverPlaintextOrNothingAuthenticatesWithoutTls() {
        assertThat(ScramClient.settingsOver(Map.of(), "agency-x", "pw")).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(ScramClient.settingsOver(Map.of("security.protocol", "PLAINTEXT"), "agency-x", "pw"))
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
    }

    @Test
    void theJaasLineTakesNoQuotes() {
        assertThat(ScramClient.jaas("u", "p")).contains("username=\"u\" password=\"p\"");
        assertThatThrownBy(() -> ScramClient.jaas("u\"", "p")).isInstanceOf(IllegalArgumentException.class);
    }
}
