package org.corridor.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestKafka} into test constructors, lifecycle methods and tests. The broker starts once per test
 * JVM ({@link #shared()}, also usable from Spring's {@code @DynamicPropertySource}) and stops when the JVM exits. It is
 * a Testcontainers {@code apache/kafka} container when a Docker engine answers, and a real in-JVM KRaft broker
 * otherwise; the system property {@code corridor.test.broker} ({@code container} or {@code embedded}) forces one.
 * Nothing skips for lack of Docker.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final class Holder {
        static final TestBrokers.Running RUNNING = start();

        private static TestBrokers.Running start() {
            TestBrokers.Running running = TestBrokers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    running.close();
                } catch (Exception e) {
                    System.err.println("Could not stop the test broker: " + e);
                }
            }, "test-broker-stop"));
            return running;
        }
    }

    /** The broker of this test JVM, started on first use. */
    public static TestKafka shared() {
        return Holder.RUNNING.kafka();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared();
    }
}
