/** The monitor's Prometheus meters: every name, description and tag in one place. */
package org.corridor.monitor.metrics;
