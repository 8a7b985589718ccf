package org.corridor.support.registry;

import org.corridor.schemas.registry.SchemaRegistryUnavailableException;
import org.corridor.schemas.registry.SchemaRegistryClientException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.corridor.schemas.avro.TraffickingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real (JDK) HTTP server that answers as a registry would, failures included. */
class CachingSchemaRegistryClientTest {

    private static final Schema SCHEMA = TraffickingAlert.getClassSchema();
    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (failuresLeft.getAndDecrement() > 0) {
            send(exchange, 503, "{\"error_code\":50301,\"message\":\"busy\"}");
        } else if (path.equals("/schemas/ids/7")) {
            send(exchange, 200, "{\"schema\":" + quote(SCHEMA.toString()) + "}");
        } else if (path.startsWith("/schemas/ids/")) {
            send(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        } else if (path.endsWith("/versions") && exchange.getRequestMethod().equals("POST")) {
            send(exchange, 200, "{\"id\":7}");
        } else if (path.endsWith("/versions/latest")) {
            send(exchange, 200, "{\"subject\":\"s\",\"version\":3,\"id\":7,\"schema\":" + quote(SCHEMA.toString()) + "}");
        } else {
            send(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private CachingSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new java.util.HashMap<>(Map.of(RegistryClientConfig.URL, url(),
                RegistryClientConfig.RETRIES_WAIT_MS, 1));
        configs.putAll(extra);
        return new CachingSchemaRegistryClient(RegistryClientConfig.from(configs));
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        failuresLeft.set(2);
        assertThat(client(Map.of()).register("alerts.in.x-value", SCHEMA)).isEqualTo(7);
        assertThat(requests).hasValue(3);
    }

    @Test
    void givesUpAfterTheRetryBudgetWithARetriableError() {
        failuresLeft.set(100);
        assertThatThrownBy(() -> client(Map.of(RegistryClientConfig.MAX_RETRIES, 2)).schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(requests).hasValue(3);
    }

    @Test
    void unreachableRegistryIsRetriable() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThatThrownBy(() -> new CachingSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                RegistryClientConfig.URL, "http://127.0.0.1:" + port, RegistryClientConfig.RETRIES_WAIT_MS, 1)))
                .schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryTheErrorCode() {
        assertThatThrownBy(() -> client(Map.of()).schemaById(8))
                .isInstanceOfSatisfying(SchemaRegistryClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessage("Schema not found (HTTP 404, error code 40403)");
        assertThat(requests).hasValue(1);
    }

    @Test
    void cachesIdsAndSchemas() {
        CachingSchemaRegistryClient client = client(Map.of());
        for (int i = 0; i < 100; i++) {
            assertThat(client.register("alerts.in.x-value", SCHEMA)).isEqualTo(7);
            assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
        }
        assertThat(requests).hasValue(1);
        assertThat(client.latest("s").version()).isEqualTo(3);
        client.latest("s");
        assertThat(requests).hasValue(2);
    }

    @Test
    void subjectsAreUrlEncoded() {
        client(Map.of()).register("a topic/with spaces-value", SCHEMA);
        assertThat(paths).containsExactly("POST /subjects/a%20topic%2Fwith%20spaces-value/versions");
    }

    @Test
    void sendsBasicCredentials() {
        client(Map.of(RegistryClientConfig.BASIC_AUTH_SOURCE, "USER_INFO",
                RegistryClientConfig.BASIC_AUTH_USER_INFO, "agency:s3cret")).schemaById(7);
        assertThat(authorizations).containsExactly("Basic YWdlbmN5OnMzY3JldA==");
    }

    @Test
    void sendsBearerToken() {
        client(Map.of(RegistryClientConfig.BEARER_AUTH_SOURCE, "STATIC_TOKEN",
                RegistryClientConfig.BEARER_AUTH_TOKEN, "tok-123")).schemaById(7);
        assertThat(authorizations).containsExactly("Bearer tok-123");
    }

    @Test
    void failsOverToTheNextUrl() throws IOException {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                RegistryClientConfig.URL, "http://127.0.0.1:" + deadPort + "," + url(),
                RegistryClientConfig.RETRIES_WAIT_MS, 1)));
        assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
    }

    @Test
    void configNeverPrintsCredentials() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(RegistryClientConfig.URL, url(),
                RegistryClientConfig.BASIC_AUTH_SOURCE, "USER_INFO", RegistryClientConfig.BASIC_AUTH_USER_INFO, "u:topsecret"));
        assertThat(config.toString()).doesNotContain("topsecret").doesNotContain("dTp0b3BzZWNyZXQ").contains("Basic ****");
    }
}
