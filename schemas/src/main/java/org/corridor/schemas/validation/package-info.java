/**
 * Validation of a {@link org.corridor.schemas.avro.TraffickingAlert}, pure Java and independent of transport:
 * returns every violation with its field path, such as {@code substances[1].casNumber}, not just the first.
 */
package org.corridor.schemas.validation;
