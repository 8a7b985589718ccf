/**
 * The registry's rules, independent of HTTP and Kafka: the state rebuilt from the log, and the operations that
 * read it or decide which log records a write appends.
 */
package org.corridor.registry.core;
