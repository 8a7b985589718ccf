/**
 * The load generator: publishes alerts through the publisher library or the REST ingest, at a rate or flat out, and
 * measures the end-to-end latency of every feed record with HdrHistogram.
 */
package org.corridor.bench.load;
