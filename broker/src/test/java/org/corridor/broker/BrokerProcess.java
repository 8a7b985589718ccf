package org.corridor.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A single embedded broker as a process of its own, for tests that let it fail: {@code BrokerProcess DATA_DIR PORT}. */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.singleNode(Path.of(args[0]), Integer.parseInt(args[1]), Map.of())
                .start(Duration.ofSeconds(60));
        System.out.println("BrokerProcess ready on " + broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
