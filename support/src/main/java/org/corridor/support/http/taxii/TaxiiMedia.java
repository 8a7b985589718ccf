package org.corridor.support.http.taxii;

/** TAXII 2.1 media types. */
public final class TaxiiMedia {

    /** TAXII 2.1 requests and answers. */
    public static final String TAXII = "application/taxii+json;version=2.1";
    /** STIX 2.1 objects, as manifests and collections name them. */
    public static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMedia() {
    }
}
