/** {@code ./corridor status}: the monitor's report as a table in the terminal. */
package org.corridor.monitor.cli;
