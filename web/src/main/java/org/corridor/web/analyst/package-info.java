/**
 * The analyst's pages: the body's inbox with filters, an alert with its markings banner and thread, acknowledge, ask
 * the originator a question, report an outcome. Everything is read from and written to the body's own feed APIs.
 */
package org.corridor.web.analyst;
