/**
 * Test infrastructure shared by every module's integration tests: {@link org.corridor.testsupport.KafkaBrokerExtension}
 * gives each test JVM one real Kafka broker, from Testcontainers or in-JVM; {@link org.corridor.testsupport.TestHttpUsers}
 * gives services started by tests known HTTP credentials.
 */
package org.corridor.testsupport;
