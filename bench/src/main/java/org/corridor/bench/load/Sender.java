package org.corridor.bench.load;

import java.util.function.Consumer;

import org.corridor.schemas.avro.TraffickingAlert;

/** Sends one alert and reports, later and on any thread, whether it was accepted. */
public interface Sender extends AutoCloseable {

    void send(TraffickingAlert alert, Consumer<Boolean> done) throws Exception;

    @Override
    void close();
}
