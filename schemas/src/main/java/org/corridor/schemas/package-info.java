/**
 * Corridor's contract. Generated Avro classes live in {@code org.corridor.schemas.avro}; validation and reference
 * data in their own packages. This module depends on no other Corridor module.
 */
package org.corridor.schemas;
