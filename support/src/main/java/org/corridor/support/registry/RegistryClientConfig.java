package org.corridor.support.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the registry client, read from serde configuration with Confluent's key names where the meaning is
 * the same. A bad value fails with a {@link ConfigException} naming the key and what is allowed.
 *
 * @param urls            registry base URLs, tried in order ({@code schema.registry.url}, comma-separated)
 * @param authorization   value of the Authorization header, if any (basic or bearer)
 * @param connectTimeout  {@code http.connect.timeout.ms}, default 10 s
 * @param requestTimeout  {@code http.read.timeout.ms}, default 30 s
 * @param maxAttempts     {@code max.retries} + 1; retries only on I/O errors, timeouts and 5xx; default 3 retries
 * @param initialBackoff  {@code retries.wait.ms}, default 200 ms, doubled each retry
 * @param maxBackoff      {@code retries.max.wait.ms}, default 2 s
 * @param latestTtl       {@code latest.cache.ttl.sec}: how long a subject's latest version is cached; negative: forever
 */
public record RegistryClientConfig(List<URI> urls, Optional<String> authorization, Duration connectTimeout,
                                   Duration requestTimeout, int maxAttempts, Duration initialBackoff,
                                   Duration maxBackoff, Duration latestTtl) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(URL + ": at least one URL is required");
        }
    }

    /** A config for one URL with the defaults. */
    public static RegistryClientConfig of(String url) {
        return from(Map.of(URL, url));
    }

    public static RegistryClientConfig from(Map<String, ?> configs) {
        Object rawUrls = configs.get(URL);
        if (rawUrls == null || rawUrls.toString().isBlank()) {
            throw new ConfigException(URL + ": required, such as http://localhost:8081");
        }
        List<URI> urls = new ArrayList<>();
        String userInfo = null;
        for (String u : rawUrls.toString().split(",")) {
            URI uri = url(u.trim());
            if (uri.getRawUserInfo() != null) {
                // Confluent's basic.auth.credentials.source=URL: the credentials leave the URL, which may be logged.
                userInfo = java.net.URLDecoder.decode(uri.getRawUserInfo(), java.nio.charset.StandardCharsets.UTF_8);
                uri = withoutUserInfo(uri);
            }
            urls.add(uri);
        }
        Optional<String> authorization = authorization(configs);
        if (authorization.isEmpty() && userInfo != null) {
            authorization = Optional.of("Basic " + java.util.Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new RegistryClientConfig(urls, authorization,
                Duration.ofMillis(number(configs, CONNECT_TIMEOUT_MS, 10_000, 1)),
                Duration.ofMillis(number(configs, READ_TIMEOUT_MS, 30_000, 1)),
                (int) number(configs, MAX_RETRIES, 3, 0) + 1,
                Duration.ofMillis(number(configs, RETRIES_WAIT_MS, 200, 0)),
                Duration.ofMillis(number(configs, RETRIES_MAX_WAIT_MS, 2_000, 0)),
                Duration.ofSeconds(number(configs, LATEST_CACHE_TTL_SEC, -1, Long.MIN_VALUE)));
    }

    /** The URL with any user:password replaced, for error messages. */
    static String masked(String url) {
        return url.replaceAll("//[^/@]*@", "//[hidden]@");
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new ConfigException(URL + ": cannot remove the credentials from the URL: " + e.getReason());
        }
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(URL + ": \"" + masked(text) + "\" is not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(URL + ": \"" + masked(text) + "\" is not a URL");
        }
    }

    private static Optional<String> authorization(Map<String, ?> configs) {
        String basicSource = text(configs, BASIC_AUTH_SOURCE, "");
        String bearerSource = text(configs, BEARER_AUTH_SOURCE, "");
        if (!basicSource.isEmpty() && !bearerSource.isEmpty()) {
            throw new ConfigException(BASIC_AUTH_SOURCE + " and " + BEARER_AUTH_SOURCE + ": set only one of them");
        }
        switch (basicSource) {
            case "" -> { }
            case "USER_INFO" -> {
                String userInfo = text(configs, BASIC_AUTH_USER_INFO, "");
                if (!userInfo.contains(":")) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO + ": required as user:password with "
                            + BASIC_AUTH_SOURCE + "=USER_INFO");
                }
                return Optional.of("Basic " + java.util.Base64.getEncoder()
                        .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            default -> throw new ConfigException(BASIC_AUTH_SOURCE + ": \"" + basicSource + "\" is not supported; allowed: USER_INFO");
        }
        switch (bearerSource) {
            case "" -> { }
            case "STATIC_TOKEN" -> {
                String token = text(configs, BEARER_AUTH_TOKEN, "");
                if (token.isBlank()) {
                    throw new ConfigException(BEARER_AUTH_TOKEN + ": required with " + BEARER_AUTH_SOURCE + "=STATIC_TOKEN");
                }
                return Optional.of("Bearer " + token);
            }
            default -> throw new ConfigException(BEARER_AUTH_SOURCE + ": \"" + bearerSource + "\" is not supported; allowed: STATIC_TOKEN");
        }
        return Optional.empty();
    }

    private static String text(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : value.toString().trim();
    }

    private static long number(Map<String, ?> configs, String key, long fallback, long min) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long n = value instanceof Number num ? num.longValue() : Long.parseLong(value.toString().trim());
            if (n < min) {
                throw new ConfigException(key + ": must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": \"" + value + "\" is not a whole number");
        }
    }

    /** Never prints the credentials. */
    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", authorization=" + authorization.map(a -> a.split(" ")[0] + " ****").orElse("none")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", latestTtl=" + latestTtl + "]";
    }
}
