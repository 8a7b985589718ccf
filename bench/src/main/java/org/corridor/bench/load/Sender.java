package org.corridor.bench.load;

import java.util.function.Consumer;

import org.corridor.schemas.avro.TraffickingAlert;

/** Sends one alert and reports, later and on any thread, whether it was accepted. */
public interface Sender extends AutoCloseable {

    void send(TraffickingAlert alert, Consumer<Boolean> done) throws Exception;

    /** Sends what is held back (a sender that batches); the others send at once and have nothing to flush. */
    default void flush() throws Exception {
    }

    @Override
    void close();
}
