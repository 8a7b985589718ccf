package org.corridor.support.inbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.corridor.support.webhook.WebhookSignature;
import org.corridor.support.webhook.WebhookUrl;

/**
 * A party's endpoint for its inbox.
 *
 * @param url     {@code https://}, or {@code http://} only to a loopback host ({@link WebhookUrl})
 * @param secret  the Standard Webhooks signing secret shared with the party ({@code whsec_} and the base64 of at least
 *                24 random bytes)
 * @param timeout connect and request timeout (default 10 s)
 */
public record InboxWebhook(String url, String secret, Duration timeout) {

    public InboxWebhook {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /**
     * The sink of these settings.
     *
     * @param key the settings' key, named in the error
     * @throws IllegalArgumentException naming the key and the rule (never the secret)
     */
    public InboxWebhookSink sink(String key, Clock clock) {
        String problem = WebhookUrl.problem(url).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(key + ".url " + problem);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(key + ".secret must not be blank");
        }
        if (!secret.startsWith(WebhookSignature.SECRET_PREFIX)) {
            throw new IllegalArgumentException(key + ".secret must be " + WebhookSignature.SECRET_PREFIX
                    + " and the base64 of at least " + WebhookSignature.MIN_KEY_BYTES + " random bytes");
        }
        WebhookSignature signature;
        try {
            signature = WebhookSignature.ofSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".secret " + e.getMessage());
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(key + ".timeout must be positive");
        }
        return new InboxWebhookSink(URI.create(url.strip()), signature, timeout, clock);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "InboxWebhook[url=" + url + ", timeout=" + timeout + "]";
    }
}
