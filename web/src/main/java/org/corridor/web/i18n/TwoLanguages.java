package org.corridor.web.i18n;

import java.time.Duration;
import java.util.Locale;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Russian: the browser's language first, then {@code ?lang=ru} or {@code ?lang=en}, kept a year in the
 * cookie {@code CORRIDOR_LANG}. Any other language is English.
 */
public final class TwoLanguages {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private TwoLanguages() {
    }

    public static LocaleResolver resolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("CORRIDOR_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> request.getLocale() != null
                && request.getLocale().getLanguage().equals("ru") ? RUSSIAN : Locale.ENGLISH);
        return resolver;
    }

    public static LocaleChangeInterceptor changeByParameter() {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        return change;
    }
}
