package org.corridor.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form, in English or Russian ({@link org.corridor.web.i18n.TwoLanguages}), with no inline script or style. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
