/**
 * Test infrastructure shared by every module's integration tests: {@link org.corridor.testsupport.KafkaBrokerExtension}
 * gives each test JVM one real Kafka broker, from Testcontainers or in-JVM.
 */
package org.corridor.testsupport;
