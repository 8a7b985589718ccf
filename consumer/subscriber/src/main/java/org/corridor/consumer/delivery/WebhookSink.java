package org.corridor.consumer.delivery;

import org.corridor.support.webhook.RejectedDeliveryException;
import org.corridor.support.webhook.WebhookAnswer;
import org.corridor.support.webhook.HeaderValues;
import org.corridor.support.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.topics.Headers;

/**
 * POSTs each alert as JSON to a body's endpoint, once per call, signed per Standard Webhooks
 * ({@link WebhookSignature}): {@code webhook-id} (the same on every attempt and re-drive of one alert version to one
 * body, see {@link #messageId}), {@code webhook-timestamp} (this attempt's time, from the clock) and
 * {@code webhook-signature}. Also {@code Idempotency-Key: <originAgency>:<alertId>:<version>}, {@code X-Corridor-Body},
 * {@code X-Trace-Id} when the feed record carried a well-formed one (an ill-formed one is left out, never copied into
 * the request), and, during the migration to Standard Webhooks, the former {@link #SIGNATURE}. Every header value is
 * header-safe ({@link HeaderValues}).
 *
 * <p>A 2xx answer is a delivery; an {@link WebhookAnswer#UNAVAILABLE} answer, a timeout or a connection error throws
 * {@link IOException} (worth retrying, counted by the circuit breaker); a {@link WebhookAnswer#REFUSED} one throws
 * {@link RejectedDeliveryException} with the status and the start of the receiver's answer. Retries, the circuit
 * breaker, parking and receipts are {@link ResilientDelivery}'s. Thread-safe.
 */
public final class WebhookSink {

    /**
     * The signature sent before Standard Webhooks: {@code sha256=<hex HMAC-SHA256 of the body>} with the same key.
     * Still sent so that receivers can move to {@code webhook-signature} first; it signs neither id nor time, so it
     * cannot stop a replay.
     *
     * @deprecated verify {@link WebhookSignature#SIGNATURE} instead; this header will be removed
     */
    @Deprecated
    public static final String SIGNATURE = "X-Corridor-Signature";

    /** How much of a refusal's answer goes into the parked record's reason. */
    static final int REASON_CHARS = 300;

    private final URI url;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSink(URI url, WebhookSignature signature, Duration timeout, Clock clock) {
        this.url = url;
        this.signature = signature;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The former signature, {@code sha256=} and the hex HMAC-SHA256 of the body with the secret's UTF-8 bytes.
     *
     * @deprecated receivers verify {@link WebhookSignature#verify} instead
     */
    @Deprecated
    public static String sign(byte[] body, byte[] secret) {
        return "sha256=" + HexFormat.of().formatHex(WebhookSignature.legacyMac(secret, body));
    }

    /**
     * The {@code webhook-id} of a delivery: {@code msg_} and the base64url of the first 24 bytes of the SHA-256 of
     * body, origin agency, alert id and version. The same for every attempt, re-drive and replay of that alert version
     * to that body, so it is the receiver's idempotency key; free of {@code .} as the scheme requires; it reveals
     * nothing of the alert.
     */
    static String messageId(Delivery d) {
        String basis = d.body() + "\n" + d.alert().getOriginAgency().getAgencyId() + "\n" + d.alert().getAlertId()
                + "\n" + d.alert().getVersion();
        byte[] digest = Arrays.copyOf(HeaderValues.sha256(basis), 24);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** One POST of the alert; returns once the receiver answered 2xx. */
    public void post(Delivery d) throws IOException {
        byte[] body = AlertJson.write(d.alert()).toString().getBytes(StandardCharsets.UTF_8);
        String id = messageId(d);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID, id)
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, signature.sign(id, timestamp, body))
                .header(SIGNATURE, "sha256=" + HexFormat.of().formatHex(signature.legacyMac(body)))
                .header("Idempotency-Key", HeaderValues.encode(d.idempotencyKey()))
                .header("X-Corridor-Body", HeaderValues.encode(d.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (Headers.isValidTraceId(d.traceId())) {
            request.header("X-Trace-Id", d.traceId());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delivering to " + url, e);
        }
        int status = response.statusCode();
        WebhookAnswer answer = WebhookAnswer.of(status);
        if (answer == WebhookAnswer.DELIVERED) {
            response.body().close();
            return;
        }
        String reason = startOf(response);
        if (answer == WebhookAnswer.UNAVAILABLE) {
            throw new IOException(url + " answered " + status + reason);
        }
        throw new RejectedDeliveryException(url + " refused the alert with " + status + reason);
    }

    /** The start of the receiver's answer, printable, for the reason of a failure; the rest is discarded. */
    private static String startOf(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(REASON_CHARS);
            String text = HeaderValues.printable(new String(start, StandardCharsets.UTF_8).strip(), REASON_CHARS);
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "webhook " + url;
    }
}
