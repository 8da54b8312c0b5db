package org.goalpost.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** Both of the console's writings, plain and structured JSON, come out scrubbed, the exception's message included. */
class ScrubbingEncoderTest {

    private static String encode(ScrubbingEncoder encoder) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putObject(
                Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "goalpost"));
        encoder.setContext(context);
        encoder.start();
        Logger logger = context.getLogger("org.goalpost.Test");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.WARN,
                "Stripe refused: {} (key {})",
                new IllegalStateException("card 4242 4242 4242 4242 declined"),
                new Object[] {"Invalid value 5555555555554444", LogScrubberTest.secret("sk_live_", "abcdef123456")});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void plain() {
        ScrubbingEncoder encoder = new ScrubbingEncoder();
        encoder.setPattern("%p %m%n%ex");
        String line = encode(encoder);
        assertThat(line)
                .startsWith("WARN Stripe refused: Invalid value [card-like number removed] (key sk_live_[removed])")
                .contains("IllegalStateException: card [card-like number removed] declined")
                .doesNotContain("4242 4242")
                .doesNotContain("5555555555554444")
                .doesNotContain("abcdef123456");
    }

    @Test
    void structured() {
        ScrubbingEncoder encoder = new ScrubbingEncoder();
        encoder.setFormat("logstash");
        String line = encode(encoder);
        assertThat(line)
                .startsWith("{")
                .contains("\"message\":\"Stripe refused: Invalid value [card-like number removed] (key "
                        + "sk_live_[removed])\"")
                .contains("card [card-like number removed] declined")
                .doesNotContain("4242 4242")
                .doesNotContain("5555555555554444")
                .doesNotContain("abcdef123456");
    }
}
