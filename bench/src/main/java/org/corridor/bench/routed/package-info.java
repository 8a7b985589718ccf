/**
 * {@code bench routed}: the correlator's input written at a set rate, without the router, so the correlator can be
 * measured with the machine the router and the subscribers would otherwise share with it.
 */
package org.corridor.bench.routed;
