/** JMH benchmarks of the correlator's decisions per compared pair. */
package org.corridor.bench.correlation;
