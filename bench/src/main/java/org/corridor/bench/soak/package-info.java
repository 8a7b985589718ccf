/** The soak: steady load for a long time with the monitor's verdict sampled throughout. */
package org.corridor.bench.soak;
