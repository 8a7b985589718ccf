/** Compatibility levels and checks, decided by Avro's own {@code SchemaCompatibility}. Pure Java. */
package org.corridor.registry.compatibility;
