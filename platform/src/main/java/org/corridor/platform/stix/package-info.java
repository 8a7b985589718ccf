/** {@code ./corridor stix}: an alert's STIX 2.1 bundle, offline (the mapping is in {@code schemas.stix}). */
package org.corridor.platform.stix;
