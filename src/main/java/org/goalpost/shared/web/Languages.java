package org.goalpost.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages readers and donors are served in: English and German. A {@code lang} parameter
 * ({@code ?lang=de}, or a form field; the widget's {@code locale} too) chooses; otherwise the first supported
 * language of the
 * browser's {@code Accept-Language}, keeping its region for number and date formats; otherwise
 * English (United States). No cookie or session: readers get none.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    public static final List<String> SUPPORTED = List.of("en", "de");
    private static final Locale FALLBACK = Locale.US;

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String lang = request.getParameter("lang");
                return resolve(
                        lang != null ? lang : request.getParameter("locale"),
                        request.getHeader("Accept-Language") == null
                                ? List.of()
                                : Collections.list(request.getLocales()));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException(
                        "The language comes from the request: ?lang= or Accept-Language");
            }
        };
    }

    /** The locale for an explicit choice ({@code lang}, may be null) and the browser's preferences, best first. */
    public static Locale resolve(String lang, List<Locale> preferred) {
        if (lang != null && !lang.isBlank()) {
            Locale chosen = Locale.forLanguageTag(lang.strip().replace('_', '-'));
            if (SUPPORTED.contains(chosen.getLanguage())) {
                return withRegion(chosen);
            }
        }
        for (Locale locale : preferred) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return withRegion(locale);
            }
        }
        return FALLBACK;
    }

    /** A donor's stored language tag back to a supported locale (English when none or unknown). */
    public static Locale of(String tag) {
        return resolve(tag, List.of());
    }

    private static Locale withRegion(Locale locale) {
        if (!locale.getCountry().isEmpty()) {
            return locale;
        }
        return "de".equals(locale.getLanguage()) ? Locale.GERMANY : FALLBACK;
    }
}
