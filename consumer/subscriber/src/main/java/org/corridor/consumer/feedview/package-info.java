/**
 * A body's feed as alert JSON ({@code GET /api/v1/feeds/<body>/alerts}): the latest version of each alert the body
 * received, read with the body's own Kafka principal; what the web app's inbox is built from.
 */
package org.corridor.consumer.feedview;
