/** Corridor's benchmarks: {@code bench/run.sh} runs all of them; docs/benchmarks.md has the results. */
package org.corridor.bench;
