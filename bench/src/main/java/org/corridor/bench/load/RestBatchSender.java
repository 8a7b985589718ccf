package org.corridor.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST batch endpoint ({@code POST /api/v1/alerts/batch}, docs/api.md): holds each agency's alerts until it has
 * a batch of them (or {@link #flush} is called), then posts them with the agency's token over one pooled HTTP/1.1
 * client, a bounded number of requests in flight. An alert counts as accepted when its result in the answer is 202.
 * {@link #send} and {@link #flush} are called from one thread; the answers arrive on the client's.
 */
final class RestBatchSender implements Sender {

    /** The endpoint's limit (corridor.ingest.batch-max-alerts). */
    static final int MAX_BATCH = 500;

    private record Pending(ObjectNode body, Consumer<Boolean> done) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Properties tokens;
    private final int batchSize;
    private final int concurrency;
    private final Semaphore inFlight;
    private final Map<String, List<Pending>> held = new HashMap<>();

    /**
     * @throws IllegalArgumentException when the batch size is not 1 to {@value #MAX_BATCH}
     */
    RestBatchSender(URI restUrl, Properties tokens, int batchSize, int concurrency) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("--batch-size " + batchSize + ": must be 1 to " + MAX_BATCH + " (the endpoint's limit)");
        }
        this.endpoint = restUrl.resolve("/api/v1/alerts/batch");
        this.tokens = tokens;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
    }

    @Override
    public void send(TraffickingAlert alert, Consumer<Boolean> done) throws InterruptedException {
        String agency = alert.getOriginAgency().getAgencyId();
        ObjectNode body = AlertJson.write(alert);
        body.remove("originAgency");
        List<Pending> batch = held.computeIfAbsent(agency, a -> new ArrayList<>(batchSize));
        batch.add(new Pending(body, done));
        if (batch.size() >= batchSize) {
            post(agency, held.remove(agency));
        }
    }

    @Override
    public void flush() throws InterruptedException {
        for (String agency : List.copyOf(held.keySet())) {
            post(agency, held.remove(agency));
        }
    }

    private void post(String agency, List<Pending> batch) throws InterruptedException {
        ArrayNode array = JsonMapper.shared().createArrayNode();
        batch.forEach(p -> array.add(p.body()));
        inFlight.acquire();
        http.sendAsync(HttpRequest.newBuilder(endpoint)
                        .header("Authorization", "Bearer " + tokens.getProperty(agency))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(array.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> {
                    inFlight.release();
                    List<Boolean> accepted = e == null ? accepted(r.statusCode(), r.body(), batch.size())
                            : java.util.Collections.nCopies(batch.size(), false);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).done().accept(accepted.get(i));
                    }
                });
    }

    /** Per alert of the batch, in order: whether its result is 202. A whole refusal accepts none. */
    static List<Boolean> accepted(int status, String answer, int size) {
        List<Boolean> accepted = new ArrayList<>(java.util.Collections.nCopies(size, false));
        if (status != 200) {
            return accepted;
        }
        JsonNode results = JsonMapper.shared().readTree(answer).path("results");
        for (JsonNode result : results) {
            int index = result.path("index").asInt(-1);
            if (index >= 0 && index < size && result.path("status").asInt() == 202) {
                accepted.set(index, true);
            }
        }
        return accepted;
    }

    @Override
    public void close() {
        inFlight.acquireUninterruptibly(concurrency);
    }
}
