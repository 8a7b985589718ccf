package org.corridor.platform.access;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.corridor.support.http.HttpParty;
import org.corridor.support.http.PasswordTable;

/**
 * The embedded platform's demo people and the settings of the login service and the web app that follow from them:
 * an officer per demo agency ({@code officer-<agency>}), an analyst per body ({@code analyst-<body, lower case>}) and
 * an {@code operator}. Their passwords are generated on first start into {@value CredentialStore#PEOPLE_FILE}
 * (owner-only) and never printed; the login service gets only their SHA-256. The web app gets the parties' own HTTP
 * credentials, with which it calls the exchange for each person.
 */
public final class WebLogins {

    /** The web app's client id at the login service. */
    public static final String CLIENT_ID = "corridor-web";
    static final String CLIENT_SECRET_KEY = "web-login-client";

    /** An agency the web app acts for: its id, country and name. */
    public record Agency(String id, String country, String name) {
    }

    /** One person: who logs in, for which party, under which display name. */
    public record Person(String user, String party, String name) {
    }

    private final CredentialStore people;
    private final CredentialStore services;

    public WebLogins(CredentialStore people, CredentialStore services) {
        this.people = people;
        this.services = services;
    }

    /** The demo people, officers first. */
    public static List<Person> demoPeople(List<String> agencies, List<String> bodies) {
        List<Person> all = new ArrayList<>();
        agencies.forEach(a -> all.add(new Person("officer-" + a, "agency:" + a, "Officer, " + a)));
        bodies.forEach(b -> all.add(new Person("analyst-" + b.toLowerCase(Locale.ROOT), "body:" + b, "Analyst, " + b)));
        all.add(new Person("operator", "operator", "Operator"));
        return all;
    }

    /** A person's password (generated the first time). */
    public String password(String user) throws IOException {
        return people.password(user);
    }

    /** {@code corridor.login.*}: the issuer, the web app's client, every person with the SHA-256 of their password. */
    public Map<String, Object> login(URI issuer, URI webApp, List<Person> persons) throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put("corridor.login.issuer", issuer.toString());
        p.put("corridor.login.client.id", CLIENT_ID);
        p.put("corridor.login.client.secret-sha256", PasswordTable.sha256Hex(services.password(CLIENT_SECRET_KEY)));
        p.put("corridor.login.client.redirect-uris[0]", webApp + "/login/oauth2/code/corridor");
        for (Person person : persons) {
            String at = "corridor.login.people." + person.user() + ".";
            p.put(at + "party", person.party());
            p.put(at + "password-sha256", PasswordTable.sha256Hex(password(person.user())));
            p.put(at + "name", person.name());
        }
        return p;
    }

    /**
     * {@code corridor.web.*}: the services' URLs, each agency's bearer token, each body's and the operator's HTTP
     * password, and the login service.
     */
    public Map<String, Object> web(URI issuer, Map<String, URI> services, List<Agency> agencies, Map<String, String> agencyTokens,
                                   List<String> bodies, HttpCredentials http) throws IOException {
        Map<String, Object> p = new HashMap<>();
        services.forEach((key, uri) -> p.put("corridor.web." + key, uri.toString()));
        for (int i = 0; i < agencies.size(); i++) {
            Agency a = agencies.get(i);
            String at = "corridor.web.agencies[" + i + "].";
            p.put(at + "id", a.id());
            p.put(at + "token", agencyTokens.get(a.id()));
            p.put(at + "country", a.country());
            p.put(at + "name", a.name());
        }
        for (String body : bodies) {
            p.put("corridor.web.bodies." + body, http.password(HttpParty.bodyUser(body)));
        }
        p.put("corridor.web.operator-password", http.password(HttpParty.OPERATOR_USER));
        p.put("corridor.web.login.issuer", issuer.toString());
        p.put("corridor.web.login.client-id", CLIENT_ID);
        p.put("corridor.web.login.client-secret", this.services.password(CLIENT_SECRET_KEY));
        return p;
    }
}
