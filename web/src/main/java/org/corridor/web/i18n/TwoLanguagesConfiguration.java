package org.corridor.web.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * English or Russian pages ({@link TwoLanguages}) for an application that imports this: the web app and the login
 * service alike.
 */
@Configuration(proxyBeanMethods = false)
public class TwoLanguagesConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return TwoLanguages.resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(TwoLanguages.changeByParameter());
    }
}
