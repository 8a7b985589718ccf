/** Explain: which bodies would receive an alert and why the others would not, without publishing anything. */
package org.corridor.consumer.explain;
