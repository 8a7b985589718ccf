package org.corridor.support.inbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.corridor.schemas.json.ResponseJson;
import org.corridor.support.webhook.HeaderValues;
import org.corridor.support.webhook.WebhookSignature;

/**
 * POSTs each response as JSON (its REST form, {@link ResponseJson}) to the party's endpoint, one request per response,
 * in inbox order, signed per Standard Webhooks ({@link WebhookSignature}): {@code webhook-id} (the same on every
 * attempt, {@link #messageId}), {@code webhook-timestamp}, {@code webhook-signature}; also
 * {@code Idempotency-Key: <response id>} and {@code X-Corridor-Party: <party>}. A 2xx answer is a delivery; 5xx, 408,
 * 429, 401, 403, 404, a redirect (never followed), a timeout or a connection error stop the poll there (it is tried
 * again from that response); 400, 413, 415 and 422 refuse that response alone ({@link #REFUSALS}). Receipts and logs
 * name the status and the URL without its query, never what the receiver answered.
 */
public final class InboxWebhookSink implements InboxSink {

    /**
     * The answers that refuse one response (malformed, too large, of a type or content the receiver will not take).
     * Every other non-2xx answer (401, 403, 404, 3xx: a rotated secret, a moved endpoint; 5xx, 408, 429) is about the
     * endpoint, so the response is tried again rather than given up.
     */
    static final java.util.Set<Integer> REFUSALS = java.util.Set.of(400, 413, 415, 422);

    private final URI url;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    /** The URL without its query: what receipts and logs name (a query may carry a token). */
    private final String shown;

    public InboxWebhookSink(URI url, WebhookSignature signature, Duration timeout, Clock clock) {
        this.url = url;
        this.signature = signature;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.shown = URI.create(url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath())).toString();
    }

    @Override
    public Duration itemTimeout() {
        return timeout;
    }

    /**
     * {@code msg_} and the base64url of the first 24 bytes of the SHA-256 of party and response id: the same for
     * every attempt of that response to that party, free of {@code .}, revealing nothing of the response.
     */
    static String messageId(InboxItem item) {
        byte[] digest = Arrays.copyOf(HeaderValues.sha256(item.party().name() + "\n" + item.idempotencyKey()), 24);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Override
    public Result deliver(List<InboxItem> items) {
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (InboxItem item : items) {
            try {
                outcomes.add(post(item));
            } catch (IOException e) {
                return new Result(outcomes, e);
            }
        }
        return Result.all(outcomes);
    }

    private Outcome post(InboxItem item) throws IOException {
        byte[] body = ResponseJson.write(item.response()).toString().getBytes(StandardCharsets.UTF_8);
        String id = messageId(item);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID, id)
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, signature.sign(id, timestamp, body))
                .header("Idempotency-Key", item.idempotencyKey())
                .header("X-Corridor-Party", item.party().name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response;
        try {
            // The receiver's answer is never read: it could echo the response's text into a receipt or a log line,
            // and a receiver that stalls its body would hold this party's delivery.
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delivering to " + shown, e);
        } catch (IOException e) {
            throw new IOException(shown + ": " + e.getClass().getSimpleName(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        if (REFUSALS.contains(status)) {
            return Outcome.refused(shown + " refused the response with " + status);
        }
        throw new IOException(shown + " answered " + status);
    }

    @Override
    public String toString() {
        return "webhook " + shown;
    }
}
