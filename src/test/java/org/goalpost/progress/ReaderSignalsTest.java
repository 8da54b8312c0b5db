package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReaderSignalsTest {

    @Test
    void robotsThatSaySoAreKnownAndReadersAreNot() {
        for (String robot : new String[] {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "Mozilla/5.0 (Linux) Chrome-Lighthouse",
            "curl/8.5.0",
            "python-requests/2.31",
            "Slackbot",
            "AhrefsBot/7.0; +http://ahrefs.com/robot/"
        }) {
            assertThat(ReaderSignals.robot(robot)).as(robot).isTrue();
        }
        for (String reader : new String[] {
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; CUBOT P80) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari",
            null
        }) {
            assertThat(ReaderSignals.robot(reader)).as(String.valueOf(reader)).isFalse();
        }
    }
}
