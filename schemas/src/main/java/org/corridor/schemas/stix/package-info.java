/**
 * The STIX 2.1 form of Corridor's records (alert versions, responses, correlation links): pure mappings to JSON
 * objects, the official TLP 2.0 marking definitions and Corridor's extension definition. See docs/stix.md.
 */
package org.corridor.schemas.stix;
