package org.corridor.registry.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridor.registry.RegistryProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires HTTP basic credentials of a configured writer for every request that changes the registry: registering
 * a schema, deleting, setting a config or a mode. Reads, lookups and compatibility tests stay open, like a
 * Confluent registry with read-only anonymous access. Passwords are kept as SHA-256 hashes and compared in constant
 * time against every writer. With no writer configured, everything is open.
 */
@Component
class WriteAuthFilter extends OncePerRequestFilter {

    private static final Pattern REGISTER = Pattern.compile("/subjects/[^/]+/versions/?");

    private final Map<String, byte[]> writers;

    WriteAuthFilter(RegistryProperties properties) {
        this.writers = properties.writers().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> HexFormat.of().parseHex(e.getValue())));
    }

    static boolean isWrite(String method, String path) {
        return switch (method) {
            case "PUT", "DELETE" -> true;
            case "POST" -> REGISTER.matcher(path).matches();
            default -> false;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (writers.isEmpty() || !isWrite(request.getMethod(), request.getRequestURI()) || authorized(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"corridor-schema-registry\"");
        response.setContentType(MediaTypes.V1);
        response.getWriter().write("{\"error_code\":40101,\"message\":\"Unauthorized: changing the registry needs the "
                + "credentials of a writer (HTTP basic auth)\"}");
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] presented = sha256(decoded.substring(colon + 1));
        byte[] expected = writers.get(decoded.substring(0, colon));
        boolean ok = false;
        for (byte[] hash : writers.values()) {
            // Every writer is compared, so timing does not tell which user names exist.
            ok |= MessageDigest.isEqual(presented, hash) && hash == expected;
        }
        return ok;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
