/** The return channel as a party reads it: the responses to an alert on that party's own inbox topic. */
package org.corridor.support.thread;
