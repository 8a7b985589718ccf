/**
 * The JSON form of an alert (REST ingest, JSON-lines import, explain, webhook delivery): read with every problem
 * reported by field path, written with the same field names as the Avro contract.
 */
package org.corridor.schemas.json;
