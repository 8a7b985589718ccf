package org.corridor.web.officer;

import java.util.UUID;

import org.corridor.web.app.Exchange;
import org.corridor.web.app.Person;
import org.corridor.web.i18n.ValidatorMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer's pages, always as the officer's own agency (from the login, never from the request): the agency's
 * alerts, the compose form (preview: the router's explain; publish: the agency REST service), an alert's status body by
 * body with its thread, and answers to questions.
 */
@Controller
@PreAuthorize("hasRole('OFFICER')")
public class OfficerController {

    private final Exchange exchange;
    private final ValidatorMessages messages;

    OfficerController(Exchange exchange, ValidatorMessages messages) {
        this.exchange = exchange;
        this.messages = messages;
    }

    /** The validator's messages in the reader's language. */
    private java.util.function.UnaryOperator<String> say() {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return m -> messages.say(m, locale);
    }

    @GetMapping("/officer/alerts")
    String alerts(@AuthenticationPrincipal OidcUser user, Model model) {
        Exchange.Answer answer = exchange.asAgency(agency(user), "GET", "/api/v1/alerts?limit=100", null);
        model.addAttribute("alerts", answer.ok() ? answer.body().path("alerts") : JsonNodeFactory.instance.arrayNode());
        model.addAttribute("problem", answer.ok() ? null : answer.body().path("detail").asString(""));
        return "officer/alerts";
    }

    @GetMapping("/officer/alerts/new")
    String compose(Model model) {
        model.addAttribute("form", new AlertForm());
        model.addAttribute("findings", new FormFields.Findings(java.util.Map.of(), java.util.List.of()));
        return "officer/compose";
    }

    @PostMapping("/officer/alerts")
    String submit(@AuthenticationPrincipal OidcUser user, @ModelAttribute("form") AlertForm form,
                  @RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes redirect) {
        String agency = agency(user);
        ObjectNode alert = form.toJson();
        model.addAttribute("findings", new FormFields.Findings(java.util.Map.of(), java.util.List.of()));
        if (action.equals("publish")) {
            Exchange.Answer answer = exchange.asAgency(agency, "POST", "/api/v1/alerts", alert.toString());
            if (answer.ok()) {
                redirect.addFlashAttribute("published", answer.body().path("version").asInt(1));
                return "redirect:/officer/alerts/" + UUID.fromString(answer.body().path("alertId").asString());
            }
            model.addAttribute("findings", FormFields.of(answer.body(), say()));
            return "officer/compose";
        }
        // Explain reads a whole alert version: what the agency REST service would set, set here.
        alert.set("originAgency", exchange.agency(agency));
        alert.put("alertId", UUID.randomUUID().toString());
        alert.put("version", 1);
        alert.put("lifecycle", "NEW");
        alert.put("reportedAt", java.time.Instant.now().toString());
        preview(agency, alert, model);
        return "officer/compose";
    }

    @GetMapping("/officer/alerts/{alertId}")
    String alert(@AuthenticationPrincipal OidcUser user, @PathVariable UUID alertId, Model model) {
        String agency = agency(user);
        Exchange.Answer status = exchange.asAgency(agency, "GET", "/api/v1/alerts/" + alertId + "/status", null);
        if (status.status() == 404 && !model.containsAttribute("published") && !model.containsAttribute("retracted")
                && !model.containsAttribute("corrected")) {
            // Another agency's alert, or none: the same answer, as the agency REST service gives.
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("alertId", alertId.toString());
        model.addAttribute("status", status.ok() ? status.body() : null);
        model.addAttribute("statusCode", status.status());
        Exchange.Answer latest = exchange.asAgency(agency, "GET", "/api/v1/alerts/" + alertId, null);
        model.addAttribute("latest", latest.ok() ? latest.body() : null);
        Exchange.Answer thread = exchange.asAgency(agency, "GET", "/api/v1/alerts/" + alertId + "/responses", null);
        model.addAttribute("responses", thread.ok() ? thread.body().path("responses") : JsonNodeFactory.instance.arrayNode());
        return "officer/alert";
    }

    /** The correction form, filled from the latest version the agency published. */
    @GetMapping("/officer/alerts/{alertId}/correct")
    String correctForm(@AuthenticationPrincipal OidcUser user, @PathVariable UUID alertId, Model model,
                       RedirectAttributes redirect) {
        JsonNode latest = latest(agency(user), alertId);
        if (latest.path("lifecycle").asString().equals("RETRACTION")) {
            redirect.addFlashAttribute("notCorrectable", true);
            return "redirect:/officer/alerts/" + alertId;
        }
        correcting(model, alertId, latest, AlertForm.of(latest));
        model.addAttribute("findings", new FormFields.Findings(java.util.Map.of(), java.util.List.of()));
        return "officer/compose";
    }

    /**
     * Previews or publishes the correction: the latest version with the form's fields replaced (what the form does not
     * show is kept), as the next version. When another version was published since the form was opened, nothing is
     * sent and the form says so, with the officer's values kept.
     */
    @PostMapping("/officer/alerts/{alertId}/correct")
    String correct(@AuthenticationPrincipal OidcUser user, @PathVariable UUID alertId, @ModelAttribute("form") AlertForm form,
                   @RequestParam int basedOn, @RequestParam(defaultValue = "preview") String action, Model model,
                   RedirectAttributes redirect) {
        String agency = agency(user);
        JsonNode latest = latest(agency, alertId);
        if (latest.path("lifecycle").asString().equals("RETRACTION")) {
            // Retracted while the form was open: nothing is sent.
            redirect.addFlashAttribute("notCorrectable", true);
            return "redirect:/officer/alerts/" + alertId;
        }
        correcting(model, alertId, latest, form);
        model.addAttribute("findings", new FormFields.Findings(java.util.Map.of(), java.util.List.of()));
        int version = latest.path("version").asInt();
        if (version != basedOn) {
            model.addAttribute("newerVersion", version);
            return "officer/compose";
        }
        ObjectNode corrected = form.applyTo(latest);
        if (action.equals("publish")) {
            Exchange.Answer answer = exchange.asAgency(agency, "PUT", "/api/v1/alerts/" + alertId, corrected.toString());
            if (answer.ok()) {
                redirect.addFlashAttribute("corrected", answer.body().path("version").asInt());
                return "redirect:/officer/alerts/" + alertId;
            }
            model.addAttribute("findings", FormFields.of(answer.body(), say()));
            return "officer/compose";
        }
        corrected.set("originAgency", exchange.agency(agency));
        corrected.put("alertId", alertId.toString());
        corrected.put("version", version + 1);
        corrected.put("lifecycle", "UPDATE");
        corrected.put("reportedAt", java.time.Instant.now().toString());
        preview(agency, corrected, model);
        return "officer/compose";
    }

    private static void correcting(Model model, UUID alertId, JsonNode latest, AlertForm form) {
        model.addAttribute("form", form);
        model.addAttribute("correcting", alertId.toString());
        model.addAttribute("basedOn", latest.path("version").asInt());
        model.addAttribute("kept", AlertForm.kept(latest));
    }

    /** The latest version of the agency's alert, as the agency REST service holds it; another agency's is not found. */
    private JsonNode latest(String agency, UUID alertId) {
        Exchange.Answer latest = exchange.asAgency(agency, "GET", "/api/v1/alerts/" + alertId, null);
        if (latest.status() == 404) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        if (!latest.ok()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_GATEWAY,
                    Problems.text(latest.body()));
        }
        return latest.body();
    }

    private void preview(String agency, ObjectNode alert, Model model) {
        Exchange.Answer preview = exchange.explainAsAgency(agency, alert.toString());
        if (preview.ok()) {
            model.addAttribute("preview", preview.body());
        } else {
            model.addAttribute("findings", FormFields.of(preview.body(), say()));
        }
    }

    /** Retracts the alert: the agency REST service publishes the next version as a retraction with the reason. */
    @PostMapping("/officer/alerts/{alertId}/retract")
    String retract(@AuthenticationPrincipal OidcUser user, @PathVariable UUID alertId, @RequestParam String reason,
                   RedirectAttributes redirect) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("reason", reason);
        Exchange.Answer r = exchange.asAgency(agency(user), "DELETE", "/api/v1/alerts/" + alertId, body.toString());
        redirect.addFlashAttribute(r.ok() ? "retracted" : "error", r.ok() ? r.body().path("version").asInt() : Problems.text(r.body(), say()));
        return "redirect:/officer/alerts/" + alertId;
    }

    @PostMapping("/officer/alerts/{alertId}/answers")
    String answer(@AuthenticationPrincipal OidcUser user, @PathVariable UUID alertId, @RequestParam UUID inReplyTo,
                  @RequestParam String text, RedirectAttributes redirect) {
        String agency = agency(user);
        Exchange.Answer thread = exchange.asAgency(agency, "GET", "/api/v1/alerts/" + alertId + "/responses", null);
        JsonNode question = null;
        for (JsonNode r : thread.body().path("responses")) {
            if (r.path("responseId").asString("").equals(inReplyTo.toString())) {
                question = r;
            }
        }
        if (question == null) {
            redirect.addFlashAttribute("error", "no question " + inReplyTo + " on this alert");
            return "redirect:/officer/alerts/" + alertId;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("kind", "ANSWER").put("inReplyTo", inReplyTo.toString())
                .put("text", text).put("language", question.path("language").asString("en"))
                .put("priority", question.path("priority").asString("ROUTINE"));
        answer.set("handling", question.path("handling").deepCopy());
        ((ObjectNode) answer.get("handling")).remove("relaxes");
        Exchange.Answer sent = exchange.asAgency(agency, "POST", "/api/v1/alerts/" + alertId + "/responses", answer.toString());
        redirect.addFlashAttribute(sent.ok() ? "answered" : "error",
                sent.ok() ? inReplyTo.toString() : Problems.text(sent.body(), say()));
        return "redirect:/officer/alerts/" + alertId;
    }

    private static String agency(OidcUser user) {
        return Person.of(user).filter(p -> p.kind() == Person.Kind.OFFICER).map(Person::party)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not an officer"));
    }
}
