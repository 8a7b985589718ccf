package org.corridor.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestKafka} into test constructors, lifecycle methods and tests. The broker starts once per test
 * JVM and stops when the JVM's tests are done. It is a Testcontainers {@code apache/kafka} container when a Docker
 * engine answers, and a real in-JVM KRaft broker otherwise; the system property {@code corridor.test.broker}
 * ({@code container} or {@code embedded}) forces one. Nothing skips for lack of Docker.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("broker", key -> TestBrokers.start(), TestBrokers.Running.class)
                .kafka();
    }
}
