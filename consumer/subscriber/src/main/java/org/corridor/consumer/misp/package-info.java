/**
 * A MISP feed per body ({@code /misp/<body>/}): {@code manifest.json}, {@code hashes.csv} and one event file per alert
 * of the body's feed, built from that feed as the body's own principal reads it, so a MISP instance can pull it.
 */
package org.corridor.consumer.misp;
