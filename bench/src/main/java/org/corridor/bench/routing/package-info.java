/** JMH: the routing rules and release policy evaluated per alert. */
package org.corridor.bench.routing;
