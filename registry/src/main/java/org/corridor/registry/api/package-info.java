/**
 * The HTTP API: Confluent's Schema Registry endpoints, content types and error bodies
 * ({@code {"error_code": 40401, "message": "..."}}).
 */
package org.corridor.registry.api;
