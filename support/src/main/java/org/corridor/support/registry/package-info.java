/**
 * The HTTP client of Confluent's Schema Registry REST API that the serdes use: retried, cached, with credentials
 * taken from the URL ({@link org.corridor.support.registry.CachingSchemaRegistryClient},
 * {@link org.corridor.support.registry.RegistryClientConfig}).
 */
package org.corridor.support.registry;
