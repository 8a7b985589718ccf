package org.corridor.web.app;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: the logged-in person and their party; and the forms' choices. */
@ControllerAdvice
class Pages {

    /** The contract's vocabularies the forms offer. */
    static final java.util.Map<String, java.util.List<String>> CHOICES = java.util.Map.of(
            "kinds", org.corridor.web.officer.Choices.KINDS, "priorities", org.corridor.web.officer.Choices.PRIORITIES,
            "categories", org.corridor.web.officer.Choices.CATEGORIES, "units", org.corridor.web.officer.Choices.UNITS,
            "transport", org.corridor.web.officer.Choices.TRANSPORT, "tlp", org.corridor.web.officer.Choices.TLP,
            "handling", org.corridor.web.officer.Choices.HANDLING,
            "outcomes", org.corridor.web.analyst.AnalystChoices.OUTCOMES);

    @ModelAttribute("choices")
    java.util.Map<String, java.util.List<String>> choices() {
        return CHOICES;
    }

    @ModelAttribute("person")
    Person person(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Person.of(user).orElse(null);
    }
}
