package org.corridor.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class PersonTest {

    private static OidcIdToken token(Map<String, Object> claims) {
        return new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims);
    }

    private static Set<String> authorities(Map<String, Object> claims) {
        return WebSecurity.partyAuthorities().mapAuthorities(Set.of(new OidcUserAuthority(token(claims))))
                .stream().map(GrantedAuthority::getAuthority).filter(a -> !a.equals("OIDC_USER"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void thePartyClaimGivesTheRoleAndThePartyAuthority() {
        assertThat(authorities(Map.of("sub", "officer-kz-customs", Person.CLAIM, "agency:kz-customs")))
                .containsExactlyInAnyOrder("ROLE_OFFICER", "AGENCY_kz-customs");
        assertThat(authorities(Map.of("sub", "analyst-caricc", Person.CLAIM, "body:CARICC")))
                .containsExactlyInAnyOrder("ROLE_ANALYST", "BODY_CARICC");
        assertThat(authorities(Map.of("sub", "operator", Person.CLAIM, "operator"))).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aLoginWithoutAKnownPartyGetsNoRole() {
        assertThat(authorities(Map.of("sub", "someone"))).isEmpty();
        assertThat(authorities(Map.of("sub", "x", Person.CLAIM, "agency:"))).isEmpty();
        assertThat(authorities(Map.of("sub", "x", Person.CLAIM, "admin"))).isEmpty();
        // A provider's claim is data: a party id that is not one (a path, a query) names no party.
        assertThat(authorities(Map.of("sub", "x", Person.CLAIM, "body:CARICC/../UNODC"))).isEmpty();
        assertThat(authorities(Map.of("sub", "x", Person.CLAIM, "agency:kz-customs?x=1"))).isEmpty();
        assertThat(Person.of(new DefaultOidcUser(Set.of(), token(Map.of("sub", "x", Person.CLAIM, "body:UNODC", "name", "Ana")))))
                .hasValue(new Person("Ana", Person.Kind.ANALYST, "UNODC"));
    }
}
