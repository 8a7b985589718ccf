/**
 * The release policy: after relevance, the originator's markings (TLP, handling code, releasable and not-releasable
 * lists, addressees) decide who may receive an alert. Pure Java; the most restrictive marking wins.
 */
package org.corridor.consumer.policy;
