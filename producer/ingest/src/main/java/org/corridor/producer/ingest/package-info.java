/**
 * The REST ingest as a service of its own: {@link org.corridor.producer.ingest.IngestApplication}. The module also
 * owns {@code rest}, {@code status}, {@code metrics} and the command line {@code cli}; it never imports
 * {@code org.corridor.consumer}.
 */
package org.corridor.producer.ingest;
