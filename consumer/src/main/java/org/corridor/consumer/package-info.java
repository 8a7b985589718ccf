/**
 * The routing service and the regional subscribers that deliver each body's feed.
 * Never imports {@code org.corridor.producer}.
 */
package org.corridor.consumer;
