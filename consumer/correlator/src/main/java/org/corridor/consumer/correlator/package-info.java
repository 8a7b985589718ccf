/**
 * The correlator service: runs the {@link org.corridor.consumer.linking.CorrelatorTopology} as a Kafka Streams
 * application (exactly-once v2), explains links over REST and exports its metrics.
 */
package org.corridor.consumer.correlator;
