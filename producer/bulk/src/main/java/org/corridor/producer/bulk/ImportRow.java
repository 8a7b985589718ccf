package org.corridor.producer.bulk;

import java.util.List;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.validation.Violation;

/**
 * One row of an import file, read: the alert (null when it could not be built) and what is wrong with it.
 *
 * @param number     1-based data row number (CSV: not counting the header; JSON lines: the line number)
 * @param original   the row's original values, for the rejected file
 * @param alert      the alert built from it, with its deterministic id
 * @param violations every problem; empty when the row can be published
 */
record ImportRow(long number, List<String> original, TraffickingAlert alert, List<Violation> violations) {
}
