/**
 * The REST ingest: {@code /api/v1/alerts} for agencies, authenticated by per-agency bearer tokens (stored hashed),
 * with RFC 9457 problem answers, idempotency keys, a body size limit and 503 when the broker cannot take a write.
 */
package org.corridor.producer.rest;
