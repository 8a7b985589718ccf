package org.corridor.registry.core;

import java.util.List;

/** The durable log the state is rebuilt from. Implementations apply what they read to the {@link RegistryState}. */
public interface SchemaLog {

    /** Returns once every record committed before the call has been applied to the state. */
    void catchUp();

    /** Appends the records atomically and returns once they have been applied to the state. */
    void append(List<LogRecord> records);
}
