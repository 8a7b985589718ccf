package org.corridor.support.registry;

import org.corridor.schemas.registry.SchemaRegistryClientException;
import org.corridor.schemas.registry.RegisteredSchema;
import org.corridor.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import org.apache.avro.Schema;

/**
 * The registry client the serdes use: REST calls through {@link RegistryRestClient}, cached so that after warm-up
 * no record causes an HTTP call. Ids and schemas are immutable in a registry, so they are cached forever; a
 * subject's latest version is cached for {@link RegistryClientConfig#latestTtl()}. Thread-safe.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, String schema) {
    }

    private record Latest(RegisteredSchema schema, long fetchedAtNanos) {
    }

    private final RegistryRestClient rest;
    private final Duration latestTtl;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(RegistryClientConfig config) {
        this.rest = new RegistryRestClient(config);
        this.latestTtl = config.latestTtl();
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, true);
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        return cachedId(subject, schema, false);
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema fetched = parse(rest.schemaById(id));
        Schema raced = schemasById.putIfAbsent(id, fetched);
        return raced != null ? raced : fetched;
    }

    /** HTTP calls happen outside the maps' locks; two threads may both ask, and the registry answers both alike. */
    private int cachedId(String subject, Schema schema, boolean register) {
        String text = schema.toString();
        SubjectSchema key = new SubjectSchema(subject, text);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = register ? rest.registerSchema(subject, text) : rest.lookupSchema(subject, text);
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        idsBySubjectSchema.putIfAbsent(key, id);
        return id;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        Latest cached = latestBySubject.get(subject);
        long now = System.nanoTime();
        if (cached != null && (latestTtl.isNegative() || now - cached.fetchedAtNanos() < latestTtl.toNanos())) {
            return cached.schema();
        }
        JsonNode node = rest.latestVersion(subject);
        RegisteredSchema latest = new RegisteredSchema(node.path("subject").asString(subject), node.path("version").asInt(),
                node.path("id").asInt(), parse(node));
        schemasById.putIfAbsent(latest.id(), latest.schema());
        latestBySubject.put(subject, new Latest(latest, now));
        return latest;
    }

    private static Schema parse(JsonNode node) {
        String type = node.path("schemaType").asString("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryClientException(200, 42201, "schema type " + type + " is not supported; only AVRO");
        }
        return new Schema.Parser().parse(node.path("schema").asString());
    }
}
