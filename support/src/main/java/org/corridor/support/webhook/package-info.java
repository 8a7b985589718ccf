/**
 * Signed webhooks, shared by every Corridor service that delivers to a party's HTTP endpoint: Standard Webhooks
 * signatures, which URLs may be used, header-safe values and what an answer means.
 */
package org.corridor.support.webhook;
