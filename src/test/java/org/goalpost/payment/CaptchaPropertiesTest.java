package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The person check's settings: a provider without its keys, or an unknown one, stops the start; the secret is
 * never shown.
 */
class CaptchaPropertiesTest {

    private static CaptchaProperties of(String provider, String siteKey, String secret) {
        return new CaptchaProperties(provider, siteKey, secret, 1, null, null, Duration.ofSeconds(5));
    }

    @Test
    void aProviderNeedsBothKeysAndMustBeKnown() {
        assertThatThrownBy(() -> of("turnstile", "site", "").chosen())
                .hasMessage("GOALPOST_CAPTCHA_PROVIDER=turnstile needs GOALPOST_CAPTCHA_SITE_KEY and "
                        + "GOALPOST_CAPTCHA_SECRET");
        assertThatThrownBy(() -> of("recaptcha", "site", "secret").chosen())
                .hasMessage("GOALPOST_CAPTCHA_PROVIDER must be turnstile or hcaptcha, not recaptcha");
        assertThat(of("", null, null).enabled()).isFalse();
    }

    @Test
    void eachProvidersOwnAddressesUnlessSet() {
        CaptchaProperties hcaptcha = of(" HCaptcha ", "site", "secret");
        CaptchaProperties.Provider chosen = hcaptcha.chosen();
        assertThat(hcaptcha.verifyUri(chosen)).hasToString("https://api.hcaptcha.com/siteverify");
        assertThat(hcaptcha.script(chosen)).isEqualTo("https://js.hcaptcha.com/1/api.js");
        assertThat(chosen.responseField).isEqualTo("h-captcha-response");
        CaptchaProperties turnstile = of("turnstile", "site", "secret");
        assertThat(turnstile.verifyUri(turnstile.chosen()))
                .hasToString("https://challenges.cloudflare.com/turnstile/v0/siteverify");
        assertThat(turnstile.chosen().responseField).isEqualTo("cf-turnstile-response");
    }

    @Test
    void theSecretIsNeverShown() {
        assertThat(of("turnstile", "site-key", "0x4AAAAAAAverySecret").toString())
                .doesNotContain("verySecret")
                .contains("(set)");
    }
}
