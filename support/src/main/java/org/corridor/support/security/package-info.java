/** Kafka principals of Corridor and the SASL/SCRAM client settings that authenticate as one of them. */
package org.corridor.support.security;
