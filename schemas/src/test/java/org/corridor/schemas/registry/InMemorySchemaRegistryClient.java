package org.corridor.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

/**
 * A registry client that keeps everything in memory, for unit tests of the serdes. Counts calls, so a test can
 * check that a warm serde makes none. Synchronized; not for production.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private int nextId;

    public InMemorySchemaRegistryClient(int firstId) {
        this.nextId = firstId;
    }

    public int calls() {
        return calls.get();
    }

    public synchronized List<String> subjects() {
        return new ArrayList<>(subjects.keySet());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.incrementAndGet();
        int id = ids.computeIfAbsent(schema.toString(), s -> nextId++);
        schemas.put(id, schema);
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookupId(String subject, Schema schema) {
        calls.incrementAndGet();
        Integer id = ids.get(schema.toString());
        if (!subjects.containsKey(subject)) {
            throw new SchemaRegistryClientException(404, 40401, "Subject '" + subject + "' not found.");
        }
        if (id == null || !subjects.get(subject).contains(id)) {
            throw new SchemaRegistryClientException(404, 40403, "Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls.incrementAndGet();
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryClientException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        calls.incrementAndGet();
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryClientException(404, 40401, "Subject '" + subject + "' not found.");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemas.get(id));
    }
}
