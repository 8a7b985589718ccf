package org.corridor.consumer.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.node.ObjectNode;
import org.corridor.schemas.json.AlertJson;

/**
 * POSTs each alert as JSON to a body's endpoint, once per call. Headers: {@code X-Corridor-Signature: sha256=<hex>}
 * (HMAC-SHA256 of the exact body bytes with the body's secret), {@code Idempotency-Key: <alertId>:<version>},
 * {@code X-Corridor-Body}, {@code X-Trace-Id}. A 2xx answer is a delivery; 5xx, 408, 429, timeouts and connection
 * errors throw {@link IOException} (worth retrying); other 4xx throw {@link RejectedDeliveryException}.
 * Retries, the circuit breaker, parking and receipts are {@link ResilientDelivery}'s, the {@link FeedSink} of a body
 * with a webhook. Thread-safe.
 */
public final class WebhookSink {

    /** Header carrying the body's signature. */
    public static final String SIGNATURE = "X-Corridor-Signature";

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSink(URI url, String secret, Duration timeout) {
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The receiver's side of the signature: {@code sha256=} and the hex HMAC-SHA256 of the body with the secret. */
    public static String sign(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** One POST of the alert; returns once the receiver answered 2xx. */
    public void post(Delivery d) throws IOException {
        ObjectNode json = AlertJson.write(d.alert());
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE, sign(body, secret))
                .header("Idempotency-Key", d.idempotencyKey())
                .header("X-Corridor-Body", d.body())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (d.traceId() != null) {
            request.header("X-Trace-Id", d.traceId());
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delivering to " + url, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new IOException(url + " answered " + status);
        }
        throw new RejectedDeliveryException(url + " refused the alert with " + status);
    }

    @Override
    public String toString() {
        return "webhook " + url;
    }
}
