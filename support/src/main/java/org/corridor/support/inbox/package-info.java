/**
 * Delivery of a party's inbox ({@code alerts.inbox.<party>}, the responses the router released to it) into the
 * party's own systems, as the party's own Kafka principal: a file of JSON lines per day or a signed webhook, with a
 * receipt for every outcome on {@code alerts.inbox-receipts}. The subscriber service delivers the bodies' inboxes,
 * the agency REST service the agencies'.
 */
package org.corridor.support.inbox;
