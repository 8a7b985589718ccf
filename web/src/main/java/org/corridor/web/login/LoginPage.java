package org.corridor.web.login;

import org.corridor.web.i18n.TwoLanguages;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The login form, in English or Russian ({@link TwoLanguages}), with no inline script or style. */
@Controller
class LoginPage implements WebMvcConfigurer {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @Bean
    LocaleResolver localeResolver() {
        return TwoLanguages.resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(TwoLanguages.changeByParameter());
    }
}
