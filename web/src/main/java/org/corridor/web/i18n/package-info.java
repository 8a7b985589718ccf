/** The two languages of the web app and the login form, English and Russian, and how a request picks one. */
package org.corridor.web.i18n;
