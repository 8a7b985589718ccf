package org.corridor.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PasswordTableTest {

    private final PasswordTable table = PasswordTable.of(Map.of("operator", PasswordTable.sha256Hex("s3cret"),
            "body-UNODC", PasswordTable.sha256Hex("other")), "corridor.http.users");

    @Test
    void aUserGetsInOnlyWithTheirOwnPassword() {
        assertThat(table.check("operator", "s3cret")).contains("operator");
        assertThat(table.check("operator", "other")).as("another user's password").isEmpty();
        assertThat(table.check("nobody", "s3cret")).isEmpty();
        assertThat(table.userOf("other")).contains("body-UNODC");
        assertThat(table.userOf("")).isEmpty();
    }

    @Test
    void aPlaintextPasswordInTheSettingsStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> PasswordTable.of(Map.of("operator", "hunter2"), "corridor.http.users"))
                .hasMessageContaining("corridor.http.users.operator").hasMessageContaining("SHA-256");
    }

    @Test
    void userNamesDecideTheParty() {
        assertThat(HttpParty.ofUser("body-UNODC").authorities()).containsExactly("ROLE_BODY", "BODY_UNODC");
        assertThat(HttpParty.ofUser("operator").kind()).isEqualTo(HttpParty.Kind.OPERATOR);
        assertThatThrownBy(() -> HttpParty.ofUser("admin")).hasMessageContaining("allowed: operator, metrics, body-<body id>");
    }
}
