package org.corridor.producer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.registry.RegisteredSchema;
import org.corridor.schemas.registry.SchemaRegistryClientException;

/**
 * The four calls of Confluent's Schema Registry REST API that the serdes make, served over HTTP on a free local port
 * from the contract's {@link InMemorySchemaRegistryClient}. The publisher's tests thus run {@link PublisherFactory} as
 * an agency would (registry URL, real HTTP client) without Spring on their classpath; the real registry server and its
 * Confluent compatibility are tested in the registry module. Close it when done.
 */
public final class TestRegistry implements AutoCloseable {

    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern LOOKUP = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
    private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final InMemorySchemaRegistryClient schemas = new InMemorySchemaRegistryClient(1);
    private final HttpServer server;

    private TestRegistry(HttpServer server) {
        this.server = server;
    }

    public static TestRegistry start() {
        try {
            TestRegistry registry = new TestRegistry(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
            registry.server.createContext("/", registry::handle);
            registry.server.setExecutor(Executors.newFixedThreadPool(4));
            registry.server.start();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry URL, as {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            Matcher m;
            if (method.equals("POST") && (m = REGISTER.matcher(path)).matches()) {
                int id = schemas.register(subject(m), schemaOf(exchange));
                answer(exchange, 200, json.createObjectNode().put("id", id));
            } else if (method.equals("POST") && (m = LOOKUP.matcher(path)).matches()) {
                String subject = subject(m);
                Schema schema = schemaOf(exchange);
                int id = schemas.lookupId(subject, schema);
                answer(exchange, 200, json.createObjectNode().put("subject", subject).put("id", id).put("schema", schema.toString()));
            } else if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
                answer(exchange, 200, json.createObjectNode().put("schema", schemas.schemaById(Integer.parseInt(m.group(1))).toString()));
            } else if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
                RegisteredSchema latest = schemas.latest(subject(m));
                answer(exchange, 200, json.createObjectNode().put("subject", latest.subject()).put("version", latest.version())
                        .put("id", latest.id()).put("schema", latest.schema().toString()));
            } else {
                answer(exchange, 404, error(404, method + " " + path + " is not served by TestRegistry"));
            }
        } catch (SchemaRegistryClientException e) {
            answer(exchange, e.status(), error(e.errorCode(), e.getMessage()));
        } catch (RuntimeException e) {
            answer(exchange, 500, error(50001, e.toString()));
        }
    }

    private static String subject(Matcher m) {
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private Schema schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        return new Schema.Parser().parse(body.path("schema").asString());
    }

    private ObjectNode error(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    private void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
