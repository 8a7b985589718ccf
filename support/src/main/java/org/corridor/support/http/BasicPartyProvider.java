package org.corridor.support.http;

import java.util.function.Function;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Checks HTTP basic credentials against a {@link PasswordTable}; the user name decides the party. */
public final class BasicPartyProvider implements AuthenticationProvider {

    private final PasswordTable table;
    private final Function<String, HttpParty> partyOfUser;

    /** @param partyOfUser the party of a user of the table, such as {@link HttpParty#ofUser} */
    public BasicPartyProvider(PasswordTable table, Function<String, HttpParty> partyOfUser) {
        this.table = table;
        this.partyOfUser = partyOfUser;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        return table.check(user, password == null ? null : password.toString())
                .map(u -> (Authentication) new PartyAuthentication(partyOfUser.apply(u)))
                .orElseThrow(() -> new BadCredentialsException("the user name or the password is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
