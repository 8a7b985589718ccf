/** Delivery into files: owner-only JSON lines, one file per UTC day, each line forced to disk and written once. */
package org.corridor.support.files;
