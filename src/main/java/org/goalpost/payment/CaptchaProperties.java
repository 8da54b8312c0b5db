package org.goalpost.payment;

import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The optional person check on checkouts ({@code GOALPOST_CAPTCHA_*}): the provider
 * ({@code turnstile} or {@code hcaptcha}; empty: off), its site key and secret, and how many
 * checkouts one address may open in an hour before it is asked ({@code after}; 0: always). The
 * verify and script addresses default to the provider's and are settable for tests and proxies.
 */
@Validated
@ConfigurationProperties("goalpost.captcha")
record CaptchaProperties(
        String provider,
        String siteKey,
        String secret,
        @DefaultValue("1") @PositiveOrZero int after,
        String verifyUrl,
        String scriptUrl,
        @DefaultValue("5s") Duration timeout) {

    /** What differs between the two providers (their verify APIs take and answer the same fields). */
    enum Provider {
        TURNSTILE(
                "https://challenges.cloudflare.com/turnstile/v0/siteverify",
                "https://challenges.cloudflare.com/turnstile/v0/api.js",
                "cf-turnstile",
                "cf-turnstile-response"),
        HCAPTCHA(
                "https://api.hcaptcha.com/siteverify",
                "https://js.hcaptcha.com/1/api.js",
                "h-captcha",
                "h-captcha-response");

        final String verifyUrl;
        final String scriptUrl;
        final String widgetClass;
        final String responseField;

        Provider(String verifyUrl, String scriptUrl, String widgetClass, String responseField) {
            this.verifyUrl = verifyUrl;
            this.scriptUrl = scriptUrl;
            this.widgetClass = widgetClass;
            this.responseField = responseField;
        }
    }

    boolean enabled() {
        return provider != null && !provider.isBlank();
    }

    /** The provider; refuses to start on an unknown one or a missing key. */
    Provider chosen() {
        Provider chosen = switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case "turnstile" -> Provider.TURNSTILE;
            case "hcaptcha" -> Provider.HCAPTCHA;
            default ->
                throw new IllegalStateException(
                        "GOALPOST_CAPTCHA_PROVIDER must be turnstile or hcaptcha, not " + provider);
        };
        if (blank(siteKey) || blank(secret)) {
            throw new IllegalStateException("GOALPOST_CAPTCHA_PROVIDER=" + provider
                    + " needs GOALPOST_CAPTCHA_SITE_KEY and GOALPOST_CAPTCHA_SECRET");
        }
        return chosen;
    }

    URI verifyUri(Provider chosen) {
        return URI.create(blank(verifyUrl) ? chosen.verifyUrl : verifyUrl.strip());
    }

    String script(Provider chosen) {
        return blank(scriptUrl) ? chosen.scriptUrl : scriptUrl.strip();
    }

    @Override
    public String toString() {
        return "CaptchaProperties[provider=" + provider + ", siteKey=" + siteKey + ", secret="
                + (blank(secret) ? "(none)" : "(set)") + ", after=" + after + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
