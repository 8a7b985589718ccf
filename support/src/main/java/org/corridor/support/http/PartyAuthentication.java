package org.corridor.support.http;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** An authenticated {@link HttpParty}; the credentials are not kept. */
public final class PartyAuthentication extends AbstractAuthenticationToken {

    private final HttpParty party;

    public PartyAuthentication(HttpParty party) {
        super(AuthorityUtils.createAuthorityList(party.authorities()));
        this.party = party;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public HttpParty getPrincipal() {
        return party;
    }

    @Override
    public String getName() {
        return party.id();
    }
}
