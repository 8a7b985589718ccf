/** {@code bench lag}: a consumer group's lag sampled while a load runs, and whether it stayed bounded. */
package org.corridor.bench.lag;
