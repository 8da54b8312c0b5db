package org.goalpost.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The metrics scrape token ({@code GOALPOST_METRICS_TOKEN}): compared in constant time; no token set, no scrape. */
final class ScrapeToken {

    static final int MIN_LENGTH = 32;

    private ScrapeToken() {}

    static boolean matches(String configured, String authorization) {
        if (configured == null
                || configured.strip().length() < MIN_LENGTH
                || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                configured.strip().getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
