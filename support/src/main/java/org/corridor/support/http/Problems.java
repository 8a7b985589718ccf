package org.corridor.support.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The 401 and 403 answers, as RFC 9457 problems that never echo a credential. */
public final class Problems {

    private Problems() {
    }

    /**
     * 401 with {@code WWW-Authenticate}.
     *
     * @param scheme  {@code Basic} or {@code Bearer}
     * @param needed  what the caller must present, such as "HTTP basic credentials of the operator"
     */
    public static AuthenticationEntryPoint unauthorized(String scheme, String needed) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", scheme + " realm=\"corridor\"");
            write(response, 401, "unauthorized", "Unauthorized", detail(e, needed));
        };
    }

    /** 403: the caller is known but this request is not theirs to make. */
    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "forbidden", "Forbidden",
                "the credentials are valid but do not allow this request");
    }

    /** "is required" when nothing was presented, "is not valid" when something was. */
    public static String detail(AuthenticationException e, String needed) {
        return e instanceof InsufficientAuthenticationException ? needed + " is required" : needed + ": " + e.getMessage();
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"urn:corridor:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
