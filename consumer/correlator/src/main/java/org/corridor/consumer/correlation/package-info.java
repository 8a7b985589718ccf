/**
 * Correlation as pure decisions: the facts of a routed alert version that can link it to another ({@link
 * org.corridor.consumer.correlation.Report}), whether two reports are linked and why ({@link
 * org.corridor.consumer.correlation.Matcher}), and who may learn of a link ({@link
 * org.corridor.consumer.correlation.Disclosure}). No framework types.
 */
package org.corridor.consumer.correlation;
