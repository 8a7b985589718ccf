package org.corridor.schemas.validation;

import java.util.List;

import org.corridor.schemas.avro.GeoPoint;
import org.corridor.schemas.avro.Route;

/** The route: ISO country codes everywhere, coordinates in range. */
final class RouteRules {

    private RouteRules() {
    }

    static void check(Route route, Violations v) {
        if (!v.present("route", route)) {
            return;
        }
        Texts.country(v, "route.eventCountry", route.getEventCountry());
        Texts.optionalCountry(v, "route.originCountry", route.getOriginCountry());
        List<String> transit = route.getTransitCountries();
        if (v.present("route.transitCountries", transit)) {
            for (int i = 0; i < transit.size(); i++) {
                Texts.country(v, "route.transitCountries[" + i + "]", transit.get(i));
            }
        }
        Texts.optionalCountry(v, "route.destinationCountry", route.getDestinationCountry());
        GeoPoint point = route.getCoordinates();
        if (point != null) {
            range(v, "route.coordinates.latitude", point.getLatitude(), 90);
            range(v, "route.coordinates.longitude", point.getLongitude(), 180);
        }
    }

    private static void range(Violations v, String path, double value, int limit) {
        if (!(value >= -limit && value <= limit)) {
            v.add(path, "must be between -" + limit + " and " + limit + ", was " + value);
        }
    }
}
