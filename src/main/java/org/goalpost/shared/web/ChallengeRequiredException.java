package org.goalpost.shared.web;

/**
 * A person check (CAPTCHA) must be passed first: a 403 whose problem details name the provider and
 * its site key, so that any client can show the check; nothing was done.
 */
public class ChallengeRequiredException extends RuntimeException {

    private final String provider;
    private final String siteKey;

    public ChallengeRequiredException(String message, String provider, String siteKey) {
        super(message);
        this.provider = provider;
        this.siteKey = siteKey;
    }

    public String provider() {
        return provider;
    }

    public String siteKey() {
        return siteKey;
    }
}
