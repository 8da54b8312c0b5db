package org.goalpost.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.shared.limits.ClientKeys;
import org.goalpost.shared.limits.KeyedBuckets;
import org.goalpost.shared.web.ChallengeRequiredException;
import org.goalpost.shared.web.ContentSecuritySources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The optional person check (Cloudflare Turnstile or hCaptcha), between the rate limits and the
 * checkout: an address that opened {@code after} checkouts within the hour must pass the check
 * for the next one, verified server-side with the provider. Off unless a provider is configured.
 * When the provider cannot be reached the checkout is refused (try again): the check is not
 * skipped, and the rate limits stay in force in any case.
 */
@Component
class Captcha implements ContentSecuritySources {

    private static final Logger log = LoggerFactory.getLogger(Captcha.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private final CaptchaChallenge challenge;
    private final int after;
    private final CaptchaVerifier verifier;
    private final KeyedBuckets addresses;
    private final ClientKeys clients;
    private final Counter asked;
    private final Counter failed;

    Captcha(CaptchaProperties properties, MeterRegistry meters, ClientKeys clients) {
        this.clients = clients;
        if (!properties.enabled()) {
            this.challenge = null;
            this.verifier = null;
        } else {
            CaptchaProperties.Provider provider = properties.chosen();
            this.challenge = new CaptchaChallenge(
                    provider.name().toLowerCase(Locale.ROOT),
                    properties.siteKey(),
                    properties.script(provider),
                    provider.widgetClass,
                    provider.responseField);
            this.verifier =
                    new CaptchaVerifier(properties.verifyUri(provider), properties.secret(), properties.timeout());
            log.info(
                    "Checkouts ask for a {} check after {} per address and hour",
                    challenge.provider(),
                    properties.after());
        }
        this.after = properties.after();
        this.addresses = new KeyedBuckets(Math.max(1, properties.after()), HOUR, 200_000);
        this.asked = Counter.builder("goalpost.captcha").tag("result", "asked").register(meters);
        this.failed =
                Counter.builder("goalpost.captcha").tag("result", "failed").register(meters);
    }

    /** The check this address would be asked for now, if any (the page shows it before the donor presses Donate). */
    Optional<CaptchaChallenge> challengeFor(String address) {
        if (challenge == null) {
            return Optional.empty();
        }
        return after == 0 || addresses.of(clients.of(address)).getAvailableTokens() < 1
                ? Optional.of(challenge)
                : Optional.empty();
    }

    /**
     * Lets the checkout go on, or refuses it.
     *
     * @param token what the provider's widget put in the form; null when none
     * @throws ChallengeRequiredException when the check is needed and was not passed
     * @throws org.goalpost.shared.web.UpstreamFailureException when the provider could not say
     */
    void admit(String address, String token) {
        if (challenge == null) {
            return;
        }
        if (after > 0 && addresses.of(clients.of(address)).tryConsume(1)) {
            return;
        }
        if (token == null || token.isBlank()) {
            asked.increment();
            throw new ChallengeRequiredException(
                    "Please confirm that you are a person, then press Donate again.",
                    challenge.provider(),
                    challenge.siteKey());
        }
        if (!verifier.passes(token.strip(), address)) {
            failed.increment();
            throw new ChallengeRequiredException(
                    "The person check did not pass; please try it again.", challenge.provider(), challenge.siteKey());
        }
    }

    @Override
    public List<String> origins() {
        if (challenge == null) {
            return List.of();
        }
        URI script = URI.create(challenge.scriptUrl());
        String origin = script.getScheme() + "://" + script.getRawAuthority();
        // hCaptcha's frames, styles and calls come from its subdomains too
        return challenge.provider().equals("hcaptcha") && origin.endsWith("hcaptcha.com")
                ? List.of("https://hcaptcha.com", "https://*.hcaptcha.com")
                : List.of(origin);
    }
}
