/**
 * The operator's page: dead letters (reason, source, time; never a record's content) and each body's delivery state
 * with its parked deliveries and a re-drive button, from the monitor and the subscribers as the operator.
 */
package org.corridor.web.operator;
