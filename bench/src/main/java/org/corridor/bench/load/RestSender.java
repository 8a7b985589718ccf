package org.corridor.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST ingest, one alert per {@code POST /api/v1/alerts} with its agency's token, over one pooled HTTP/1.1
 * client, a bounded number of requests in flight. An alert counts as accepted when the answer is 202.
 */
final class RestSender implements Sender {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Properties tokens;
    private final int concurrency;
    private final Semaphore inFlight;

    RestSender(URI restUrl, Properties tokens, int concurrency) {
        this.endpoint = restUrl.resolve("/api/v1/alerts");
        this.tokens = tokens;
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
    }

    @Override
    public void send(TraffickingAlert alert, Consumer<Boolean> done) throws InterruptedException {
        ObjectNode body = AlertJson.write(alert);
        String agency = alert.getOriginAgency().getAgencyId();
        body.remove("originAgency");
        inFlight.acquire();
        http.sendAsync(HttpRequest.newBuilder(endpoint)
                        .header("Authorization", "Bearer " + tokens.getProperty(agency))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding())
                .whenComplete((r, e) -> {
                    inFlight.release();
                    done.accept(e == null && r.statusCode() == 202);
                });
    }

    @Override
    public void close() {
        inFlight.acquireUninterruptibly(concurrency);
    }
}
