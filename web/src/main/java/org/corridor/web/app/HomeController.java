package org.corridor.web.app;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.ui.Model;

/** {@code /}: sends each person to their work; a login that names no party is told so, and sees nothing else. */
@Controller
class HomeController {

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        return Person.of(user).map(p -> switch (p.kind()) {
            case OFFICER -> "redirect:/officer/alerts";
            case ANALYST -> "redirect:/analyst/inbox";
            case OPERATOR -> "redirect:/operator";
        }).orElseGet(() -> {
            model.addAttribute("name", user.getSubject());
            return "no-party";
        });
    }
}
