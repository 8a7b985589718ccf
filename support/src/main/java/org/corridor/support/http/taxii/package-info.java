/** What Corridor's two TAXII 2.1 servers share: the media types and the error message (bodies read, agencies write). */
package org.corridor.support.http.taxii;
