package org.corridor.support.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook URLs a body may be given: {@code https://} with a host, or {@code http://} only to this machine
 * (localhost, 127.0.0.0/8, ::1), where nothing crosses a network to be read or altered. No credentials in the URL
 * (the request is authenticated by its signature). Pure; no name is ever resolved, so the answer does not depend on
 * DNS.
 */
public final class WebhookUrl {

    public static final String ALLOWED = "https:// with a host, or http:// only to a loopback host (localhost, 127.0.0.0/8, [::1])";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private WebhookUrl() {
    }

    /** What is wrong with {@code url}, or empty when it may be used. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank; allowed: " + ALLOWED);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL (" + e.getReason() + "); allowed: " + ALLOWED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no host; allowed: " + ALLOWED);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (the signature authenticates each request); allowed: " + ALLOWED);
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(uri.getHost()) ? Optional.empty()
                    : Optional.of("is plain http:// to a host that is not loopback: alerts would cross the network unencrypted; allowed: " + ALLOWED);
        }
        return Optional.of("has scheme \"" + scheme + "\"; allowed: " + ALLOWED);
    }

    /** localhost, an IPv4 literal in 127.0.0.0/8 or the IPv6 literal ::1; never resolves a name. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // A bracketed literal is parsed, not looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        var ipv4 = IPV4.matcher(h);
        if (ipv4.matches()) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        return false;
    }
}
