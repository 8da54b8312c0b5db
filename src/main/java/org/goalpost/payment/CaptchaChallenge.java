package org.goalpost.payment;

/**
 * What a page needs to show the person check: the provider ({@code turnstile}, {@code hcaptcha}),
 * its public site key, its script, the element class its script fills, and the form field the
 * token comes back in.
 */
public record CaptchaChallenge(
        String provider, String siteKey, String scriptUrl, String widgetClass, String responseField) {}
