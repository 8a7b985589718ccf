package org.corridor.support.inbox;

import java.io.IOException;
import java.io.InputStream;
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
import org.corridor.support.webhook.WebhookAnswer;
import org.corridor.support.webhook.WebhookSignature;

/**
 * POSTs each response as JSON (its REST form, {@link ResponseJson}) to the party's endpoint, one request per response,
 * in inbox order, signed per Standard Webhooks ({@link WebhookSignature}): {@code webhook-id} (the same on every
 * attempt, {@link #messageId}), {@code webhook-timestamp}, {@code webhook-signature}; also
 * {@code Idempotency-Key: <response id>} and {@code X-Corridor-Party: <party>}. A 2xx answer is a delivery; 5xx, 408,
 * 429, a timeout or a connection error stop the poll there (it is tried again from that response); any other answer
 * ({@link WebhookAnswer#REFUSED}) is a refusal of that response alone, with the status and the start of the answer.
 * Redirects are never followed.
 */
public final class InboxWebhookSink implements InboxSink {

    /** How much of a refusal's answer goes into its receipt. */
    static final int REASON_CHARS = 300;

    private final URI url;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public InboxWebhookSink(URI url, WebhookSignature signature, Duration timeout, Clock clock) {
        this.url = url;
        this.signature = signature;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
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
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delivering to " + url, e);
        }
        int status = response.statusCode();
        WebhookAnswer answer = WebhookAnswer.of(status);
        if (answer == WebhookAnswer.DELIVERED) {
            response.body().close();
            return Outcome.DELIVERED;
        }
        String reason = startOf(response);
        if (answer == WebhookAnswer.UNAVAILABLE) {
            throw new IOException(url + " answered " + status + reason);
        }
        return Outcome.refused(url + " refused the response with " + status + reason);
    }

    private static String startOf(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String text = HeaderValues.printable(new String(in.readNBytes(REASON_CHARS), StandardCharsets.UTF_8).strip(), REASON_CHARS);
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
