package org.corridor.web.analyst;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import org.corridor.web.app.Exchange;
import org.corridor.web.app.Person;
import org.corridor.web.officer.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyst's pages, always as the analyst's own body (from the login, never from the request). An alert is shown
 * only when the body's feed holds it: another body's alert, or an unknown one, is the same 404, by URL too.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
public class AnalystController {

    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final Exchange exchange;
    private final org.corridor.web.i18n.ValidatorMessages messages;

    AnalystController(Exchange exchange, org.corridor.web.i18n.ValidatorMessages messages) {
        this.exchange = exchange;
        this.messages = messages;
    }

    @GetMapping("/analyst/inbox")
    String inbox(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String priority, @RequestParam(required = false) String substance,
                 @RequestParam(required = false) String country,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String acknowledged, Model model) {
        String body = body(user);
        Exchange.Answer feed = exchange.asBody(body, "GET", "/api/v1/feeds/" + body + "/alerts?limit=1000", null);
        InboxFilter filter = new InboxFilter(kind, priority, substance, country, from, to, q,
                "yes".equals(acknowledged) || "no".equals(acknowledged) ? acknowledged : null);
        model.addAttribute("filter", filter);
        model.addAttribute("alerts", feed.ok() ? filter.apply(feed.body().path("alerts")) : java.util.List.of());
        model.addAttribute("problem", feed.ok() ? null : feed.body().path("detail").asString(""));
        return "analyst/inbox";
    }

    /** The feed over a period: alerts per week by category and by route country, and where the seizures were. */
    @GetMapping("/analyst/trends")
    String trends(@AuthenticationPrincipal OidcUser user,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        String body = body(user);
        LocalDate end = to == null ? LocalDate.now(java.time.ZoneOffset.UTC) : to;
        LocalDate start = from == null || from.isAfter(end) ? end.minusWeeks(25) : from;
        Exchange.Answer feed = exchange.asBody(body, "GET", "/api/v1/feeds/" + body + "/alerts?limit=1000", null);
        java.util.List<JsonNode> alerts = feed.ok() ? InboxFilter.NONE.apply(feed.body().path("alerts")) : java.util.List.of();
        java.util.List<JsonNode> within = new InboxFilter(null, null, null, null, start, end, null).apply(feed.body().path("alerts"));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("trends", FeedTrends.of(alerts, start, end));
        model.addAttribute("seizures", SeizureMap.of(within, WorldMap.defaults()));
        model.addAttribute("problem", feed.ok() ? null : feed.body().path("detail").asString(""));
        return "analyst/trends";
    }

    @GetMapping("/analyst/alerts/{agency}/{alertId}")
    String alert(@AuthenticationPrincipal OidcUser user, @PathVariable String agency, @PathVariable UUID alertId, Model model) {
        String body = body(user);
        JsonNode alert = held(body, agency, alertId);
        model.addAttribute("alert", alert);
        model.addAttribute("transit", InboxFilter.transit(alert.path("route")));
        model.addAttribute("map", RouteMap.of(alert.path("route"), WorldMap.defaults(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        Exchange.Answer thread = exchange.asBody(body, "GET",
                "/api/v1/feeds/" + body + "/alerts/" + alertId + "/responses?agency=" + agency, null);
        model.addAttribute("responses", thread.ok() ? thread.body().path("responses") : JsonNodeFactory.instance.arrayNode());
        Exchange.Answer hits = exchange.asBody(body, "GET", "/api/v1/feeds/" + body + "/correlations", null);
        model.addAttribute("links", hits.ok() ? Links.of(hits.body().path("correlations"), agency, alertId.toString())
                : java.util.List.of());
        return "analyst/alert";
    }

    @PostMapping("/analyst/alerts/{agency}/{alertId}/ack")
    String acknowledge(@AuthenticationPrincipal OidcUser user, @PathVariable String agency, @PathVariable UUID alertId,
                       RedirectAttributes redirect) {
        String body = body(user);
        JsonNode alert = held(body, agency, alertId);
        Exchange.Answer ack = exchange.asBody(body, "POST", "/api/v1/feeds/" + body + "/alerts/" + alertId + "/ack?agency="
                + agency + "&version=" + alert.path("version").asInt(), null);
        redirect.addFlashAttribute(ack.ok() ? "acknowledged" : "error", ack.ok() ? "yes" : Problems.text(ack.body()));
        return "redirect:/analyst/alerts/" + agency + "/" + alertId;
    }

    @PostMapping("/analyst/alerts/{agency}/{alertId}/responses")
    String respond(@AuthenticationPrincipal OidcUser user, @PathVariable String agency, @PathVariable UUID alertId,
                   @RequestParam String kind, @RequestParam(defaultValue = "") String text,
                   @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        String body = body(user);
        JsonNode alert = held(body, agency, alertId);
        if (!kind.equals("QUESTION") && !kind.equals("OUTCOME") && !kind.equals("COMMENT")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind must be QUESTION, OUTCOME or COMMENT");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("kind", kind).put("text", text)
                .put("language", alert.path("language").asString("en"))
                .put("priority", alert.path("priority").asString("ROUTINE"))
                .put("alertVersion", alert.path("version").asInt());
        if (kind.equals("OUTCOME")) {
            response.putObject("outcome").put("code", outcome == null ? "OTHER" : outcome);
        }
        JsonNode h = alert.path("handling");
        ObjectNode handling = response.putObject("handling").put("tlp", h.path("tlp").asString("AMBER"))
                .put("handlingCode", h.path("handlingCode").asString("H0"));
        handling.set("addressedTo", h.path("addressedTo").isArray() ? h.get("addressedTo").deepCopy()
                : JsonNodeFactory.instance.arrayNode());
        Exchange.Answer sent = exchange.asBody(body, "POST",
                "/api/v1/feeds/" + body + "/alerts/" + alertId + "/responses?agency=" + agency, response.toString());
        redirect.addFlashAttribute(sent.ok() ? "responded" : "error", sent.ok() ? kind : Problems.text(sent.body(), m -> messages.say(m, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        return "redirect:/analyst/alerts/" + agency + "/" + alertId;
    }

    /** The alert as the body's feed holds it, or 404 (an agency id of the wrong form is not looked up). */
    private JsonNode held(String body, String agency, UUID alertId) {
        if (!AGENCY.matcher(agency).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Exchange.Answer feed = exchange.asBody(body, "GET", "/api/v1/feeds/" + body + "/alerts?limit=1000", null);
        if (!feed.ok()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, feed.body().path("detail").asString(""));
        }
        for (JsonNode a : feed.body().path("alerts")) {
            if (a.path("alertId").asString("").equals(alertId.toString()) && a.path("originAgency").path("agencyId").asString("").equals(agency)) {
                return a;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static String body(OidcUser user) {
        return Person.of(user).filter(p -> p.kind() == Person.Kind.ANALYST).map(Person::party)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not an analyst"));
    }
}
