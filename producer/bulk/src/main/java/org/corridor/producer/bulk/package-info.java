/**
 * Bulk import of seizure spreadsheets (CSV) and JSON-lines files: rows become alerts with deterministic ids, bad
 * rows are set aside with their row numbers and reasons, rows already on the agency's topic are skipped.
 */
package org.corridor.producer.bulk;
