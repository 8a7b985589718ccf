/**
 * The officer's pages: compose an alert (the exchange's validator names each wrong field), see who would receive it
 * and why the others would not, publish, and follow the agency's alerts body by body.
 */
package org.corridor.web.officer;
