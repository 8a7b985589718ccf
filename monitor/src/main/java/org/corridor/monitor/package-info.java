/** The monitor service: operators' view of topic health, consumer-group status and per-body delivery state. */
package org.corridor.monitor;
