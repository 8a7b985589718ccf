package org.corridor.consumer.delivery;

import org.corridor.support.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.corridor.support.webhook.WebhookSignature.Verdict;

/**
 * A body's webhook endpoint as a careful receiver writes it: every request's Standard Webhooks signature is checked
 * with {@link WebhookSignature#verify} against its own clock (401 when it does not hold, so an old or forged request is
 * never processed), and an id it has already processed is a replay: answered 200 so the sender stops, but not
 * processed again. Which status a valid new request gets is the test's to choose ({@code answer}, given the request's
 * number from 1). On 127.0.0.1, an ephemeral port.
 */
final class SignedReceiver implements AutoCloseable {

    /** A request the receiver processed. */
    record Received(String id, long timestamp, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final WebhookSignature signature;
    private final Clock clock;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator answer = n -> 200;
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    final List<Received> accepted = new CopyOnWriteArrayList<>();
    /** Every valid request, whatever it was answered, in order: retries of one delivery share an id. */
    final List<Received> attempts = new CopyOnWriteArrayList<>();
    final List<Verdict> refused = new CopyOnWriteArrayList<>();
    final List<String> replays = new CopyOnWriteArrayList<>();

    SignedReceiver(String secret, Clock clock) throws IOException {
        this.signature = WebhookSignature.ofSecret(secret);
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", this::handle);
        server.start();
    }

    SignedReceiver answering(IntUnaryOperator answer) {
        this.answer = answer;
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int n = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            String id = h.getFirst(WebhookSignature.ID);
            Verdict verdict = signature.verify(id, h.getFirst(WebhookSignature.TIMESTAMP), h.getFirst(WebhookSignature.SIGNATURE),
                    body, clock.instant(), WebhookSignature.DEFAULT_TOLERANCE);
            if (verdict != Verdict.VALID) {
                refused.add(verdict);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Received received = new Received(id, Long.parseLong(h.getFirst(WebhookSignature.TIMESTAMP)),
                    new String(body, StandardCharsets.UTF_8), Map.copyOf(h));
            if (processed.contains(id)) {
                replays.add(id);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            attempts.add(received);
            int status = answer.applyAsInt(n);
            if (status >= 200 && status < 300) {
                processed.add(id);
                accepted.add(received);
            }
            byte[] reason = status >= 400 ? ("{\"title\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, reason.length == 0 ? -1 : reason.length);
            if (reason.length > 0) {
                exchange.getResponseBody().write(reason);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
