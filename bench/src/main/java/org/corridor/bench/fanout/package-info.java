/**
 * The like-for-like limit of the router: a bare exactly-once fan-out (plain kafka-clients, no Corridor logic) that
 * replays the inbound topics and writes as many copies per record as the router does, to topics of its own.
 */
package org.corridor.bench.fanout;
