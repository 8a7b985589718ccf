package org.corridor.support.registry;

import org.corridor.schemas.registry.SchemaRegistryUnavailableException;
import org.corridor.schemas.registry.SchemaRegistryClientException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The Schema Registry REST calls the serdes use, over java.net.http. Retries I/O errors, timeouts and 5xx answers
 * with exponential backoff up to the configured number of attempts, moving to the next URL on each attempt; 4xx
 * answers are not retried. Thread-safe.
 */
final class RegistryRestClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Retry retry;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final AtomicInteger nextUrl = new AtomicInteger();

    /** A 5xx answer; retried, then reported as unavailable. */
    private static final class ServerError extends IOException {
        ServerError(String message) {
            super(message);
        }
    }

    RegistryRestClient(RegistryClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        long initial = Math.max(1, config.initialBackoff().toMillis());
        long max = Math.max(initial, config.maxBackoff().toMillis());
        this.retry = Retry.of("schema-registry", RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(initial, 2.0, max))
                .retryExceptions(IOException.class)
                .build());
    }

    JsonNode registerSchema(String subject, String schema) {
        return call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    }

    JsonNode lookupSchema(String subject, String schema) {
        return call("POST", "/subjects/" + encode(subject), schemaBody(schema));
    }

    JsonNode schemaById(int id) {
        return call("GET", "/schemas/ids/" + id, null);
    }

    JsonNode latestVersion(String subject) {
        return call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
    }

    private String schemaBody(String schema) {
        return json.createObjectNode().put("schema", schema).toString();
    }

    private JsonNode call(String method, String path, String body) {
        try {
            return retry.executeCheckedSupplier(() -> once(method, path, body));
        } catch (SchemaRegistryClientException e) {
            throw e;
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("schema registry unavailable for " + method + " " + path
                    + " after " + config.maxAttempts() + " attempts: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("interrupted calling the schema registry", e);
        } catch (Throwable e) {
            throw new SchemaRegistryUnavailableException("schema registry call " + method + " " + path + " failed: " + e, e);
        }
    }

    private JsonNode once(String method, String path, String body) throws IOException, InterruptedException {
        URI base = config.urls().get(Math.floorMod(nextUrl.getAndIncrement(), config.urls().size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        config.authorization().ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 500) {
            throw new ServerError(base + path + " answered " + status + ": " + brief(response.body()));
        }
        if (status >= 400) {
            throw clientError(status, response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException notJson) {
            // A proxy's error page with a 2xx status: as unreliable as a 5xx, so retried the same way.
            throw new IOException(base + path + " answered " + status + " with a body that is not JSON: " + brief(response.body()), notJson);
        }
    }

    private SchemaRegistryClientException clientError(int status, String body) {
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.has("error_code")) {
                return new SchemaRegistryClientException(status, error.get("error_code").asInt(),
                        error.path("message").asString(""));
            }
        } catch (JacksonException notJson) {
            // fall through: report the raw text
        }
        return new SchemaRegistryClientException(status, status, brief(body));
    }

    private static String brief(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
