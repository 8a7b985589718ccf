/**
 * The load generator: publishes alerts through the publisher library or the REST ingest (one alert per POST, or the
 * batch endpoint), at a rate or flat out, and measures with HdrHistogram the end-to-end latency of every feed record
 * and of every file-sink line on disk.
 */
package org.corridor.bench.load;
