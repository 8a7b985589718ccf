/**
 * Reference data as versioned resource files (recipient bodies, memberships with dates, the 1988 Convention's
 * precursor tables), loaded once and validated: a bad row fails loading with its file, line and reason.
 */
package org.corridor.schemas.reference;
