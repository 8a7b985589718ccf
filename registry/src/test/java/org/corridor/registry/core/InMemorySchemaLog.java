package org.corridor.registry.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The log as a list in memory, applied at once; compaction can be simulated. For unit tests of the rules. */
final class InMemorySchemaLog implements SchemaLog {

    private final RegistryState state;
    final List<LogRecord> records = new ArrayList<>();

    InMemorySchemaLog(RegistryState state) {
        this.state = state;
    }

    @Override
    public void catchUp() {
    }

    @Override
    public synchronized void append(List<LogRecord> batch) {
        records.addAll(batch);
        batch.forEach(state::apply);
    }

    /** What a compacted topic keeps: the last value per key, tombstones removed. */
    synchronized List<LogRecord> compacted() {
        Map<String, LogRecord> last = new LinkedHashMap<>();
        for (LogRecord r : records) {
            last.remove(r.key());
            last.put(r.key(), r);
        }
        return last.values().stream().filter(r -> r.value() != null).toList();
    }
}
