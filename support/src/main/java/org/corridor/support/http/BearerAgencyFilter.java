package org.corridor.support.http;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The authentication step of an agency's {@code Authorization: Bearer <token>}, inside the Spring Security chain
 * (like its BasicAuthenticationFilter): it decides who is calling, never what they may do, so it looks at no path.
 * No header: the request goes on anonymous. A token that is not valid: 401 through the entry point.
 * Like BasicAuthenticationFilter, it keeps the authentication in a request attribute
 * ({@link RequestAttributeSecurityContextRepository}): it runs once per request, and the async dispatch that writes
 * the answer of a handler returning a future is authorised again with the context Spring Security loads from there.
 *
 * @param <T> what a valid token stands for (an agency account)
 */
public final class BearerAgencyFilter<T> extends OncePerRequestFilter {

    private final Function<String, Optional<T>> verify;
    private final Function<T, String> agencyId;
    private final BiConsumer<HttpServletRequest, T> onSuccess;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    /**
     * @param verify    the account of a token, if it is valid
     * @param agencyId  the agency id of an account
     * @param onSuccess what else to do with an authenticated request (request attributes), run before the chain goes on
     */
    public BearerAgencyFilter(Function<String, Optional<T>> verify, Function<T, String> agencyId,
                              BiConsumer<HttpServletRequest, T> onSuccess, AuthenticationEntryPoint entryPoint) {
        this.verify = verify;
        this.agencyId = agencyId;
        this.onSuccess = onSuccess;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<T> account = verify.apply(header.substring(7).trim());
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PartyAuthentication(new HttpParty(HttpParty.Kind.AGENCY, agencyId.apply(account.get()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        onSuccess.accept(request, account.get());
        chain.doFilter(request, response);
    }
}
