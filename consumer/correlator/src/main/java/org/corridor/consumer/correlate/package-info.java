/** {@code ./corridor correlate}: whether two alerts would be linked, with which keys and score, and who would learn of it. */
package org.corridor.consumer.correlate;
