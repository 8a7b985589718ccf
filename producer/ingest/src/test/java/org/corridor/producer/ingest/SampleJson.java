package org.corridor.producer.ingest;

/** Alert JSON bodies as agencies send them. */
public final class SampleJson {

    private SampleJson() {
    }

    /** A valid seizure; {@code %s} placeholders are none: use {@link #seizure()} and replace fields textually. */
    public static String seizure() {
        return """
            {"kind":"SEIZURE","priority":"PRIORITY","occurredOn":"2026-11-20",
             "substances":[{"name":"heroin","category":"OPIATE","quantity":{"amount":"412.5","unit":"KG"},"purityPercent":61.5},
                           {"name":"acetic anhydride","category":"PRECURSOR_TABLE_I","casNumber":"108-24-7","quantity":{"amount":1200,"unit":"L"}}],
             "route":{"eventCountry":"KZ","originCountry":"AF","transitCountries":["TJ"],"destinationCountry":"RU","placeName":"Dostyk"},
             "transportMode":"ROAD","concealmentMethod":"false floor","summary":"Heroin in a cotton truck at Dostyk",
             "language":"en","handling":{"tlp":"AMBER","handlingCode":"H1","addressedTo":["CARICC"],"notReleasableTo":["OSCE"]},
             "evaluation":{"sourceReliability":"B","informationAssessment":2}}""";
    }
}
