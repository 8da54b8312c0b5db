package org.goalpost.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log scrubber takes out, and what it leaves (ids, amounts, timestamps that are not card-like). */
class LogScrubberTest {

    @Test
    void cardLikeNumbersGoInAnyUsualWriting() {
        assertThat(LogScrubber.scrub("name=4242424242424242 x")).isEqualTo("name=[card-like number removed] x");
        assertThat(LogScrubber.scrub("card 4000 0566 5566 5556, thanks"))
                .isEqualTo("card [card-like number removed], thanks");
        assertThat(LogScrubber.scrub("5555-5555-5555-4444")).isEqualTo("[card-like number removed]");
        assertThat(LogScrubber.scrub("amex 378282246310005.")).isEqualTo("amex [card-like number removed].");
        assertThat(LogScrubber.scrub("\"message\":\"6011111111111117\""))
                .isEqualTo("\"message\":\"[card-like number removed]\"");
    }

    @Test
    void numbersThatAreNotCardLikeStay() {
        assertThat(LogScrubber.scrub("4242424242424241"))
                .as("fails the Luhn check")
                .isEqualTo("4242424242424241");
        assertThat(LogScrubber.scrub("raised 250000 of 500000 in 42 ms")).isEqualTo("raised 250000 of 500000 in 42 ms");
        assertThat(LogScrubber.scrub("pi_3MtwBwLkdIwHu7ix28a3tqPa ch_4242424242424242x"))
                .isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa ch_4242424242424242x");
        assertThat(LogScrubber.scrub("at 2026-11-28T08:04:52.846933766Z"))
                .isEqualTo("at 2026-11-28T08:04:52.846933766Z");
        assertThat(LogScrubber.scrub("12345678901234567890123"))
                .as("too long for a card")
                .isEqualTo("12345678901234567890123");
    }

    /** A secret-shaped value made at run time, so that no file or class of the repository holds one. */
    static String secret(String prefix, String body) {
        return String.join("", prefix, body);
    }

    @Test
    void secretsLoseEverythingButTheirKind() {
        assertThat(LogScrubber.scrub(
                        "key " + secret("sk_live_", "51H8abcDEF123") + " and " + secret("rk_test_", "abcdef123456")))
                .isEqualTo("key sk_live_[removed] and rk_test_[removed]");
        assertThat(LogScrubber.scrub("secret=whsec_test_current")).isEqualTo("secret=whsec_[removed]");
        assertThat(LogScrubber.scrub(secret("whsec_", "1234567890abcdefABCDEF")))
                .isEqualTo("whsec_[removed]");
        assertThat(LogScrubber.scrub("Bearer gp_bootstrapAdminTokenFromTheEnvironment0001"))
                .isEqualTo("Bearer gp_[removed]");
        assertThat(LogScrubber.scrub("pk_live_publishable_is_public")).isEqualTo("pk_live_publishable_is_public");
    }
}
