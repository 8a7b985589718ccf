package org.corridor.web.app;

import org.corridor.web.i18n.TwoLanguages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The app's pages in English or Russian ({@link TwoLanguages}). */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return TwoLanguages.resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(TwoLanguages.changeByParameter());
    }
}
