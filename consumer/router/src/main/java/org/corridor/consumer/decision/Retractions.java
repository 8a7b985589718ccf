package org.corridor.consumer.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;

import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;

/**
 * What a retraction carries to the feeds: still a valid TraffickingAlert, with the identity (alert id, version,
 * lifecycle, origin agency), the retraction reason, the dates, kind, priority, language and the markings kept, and the
 * content removed: substances reduced to their control categories (named {@value #WITHHELD}, no CAS number, quantity
 * or purity; the schema's rules want a substance for some kinds), no details, concealment method, evaluation or
 * related alerts, a route of the event country only, transport mode NOT_SPECIFIED and the summary {@value #SUMMARY}.
 * Pure.
 */
public final class Retractions {

    /** The summary of every retraction on a feed (the field is required). */
    public static final String SUMMARY = "Retracted by the originator; see retractionReason.";

    /** The name of each substance category a retraction keeps. */
    public static final String WITHHELD = "withheld";

    private Retractions() {
    }

    public static TraffickingAlert withoutContent(TraffickingAlert retraction) {
        return TraffickingAlert.newBuilder(retraction)
                .setSubstances(categories(retraction))
                .setRoute(new Route(retraction.getRoute().getEventCountry(), null, new ArrayList<>(), null, null, null))
                .setTransportMode(TransportMode.NOT_SPECIFIED)
                .setConcealmentMethod(null)
                .setSummary(SUMMARY)
                .setDetails(null)
                .setEvaluation(null)
                .setRelatedAlertIds(new ArrayList<>())
                .build();
    }

    private static List<Substance> categories(TraffickingAlert alert) {
        Set<SubstanceCategory> categories = new TreeSet<>();
        alert.getSubstances().forEach(sub -> categories.add(sub.getCategory()));
        List<Substance> out = new ArrayList<>();
        categories.forEach(c -> out.add(new Substance(WITHHELD, c, null, null, null)));
        return out;
    }
}
