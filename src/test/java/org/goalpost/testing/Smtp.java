package org.goalpost.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server for a test class (GreenMail on a free port of 127.0.0.1), and how tests read
 * what it received. Register it as an extension ({@code @RegisterExtension static final Smtp SMTP =
 * new Smtp();}): every test starts with an empty mailbox, and the server stops after the class;
 * point the app at it with {@code registry.add("spring.mail.port", () -> SMTP.port)}.
 */
public final class Smtp implements BeforeEachCallback, AfterAllCallback {

    public final int port;
    private GreenMail server;

    public Smtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    /** (Re)starts the server on its port. */
    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public void purge() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        purge();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The mails received for {@code recipient}, waiting up to 10 s for {@code expected} of them. */
    public List<MimeMessage> to(String recipient, int expected) throws Exception {
        return to(recipient, expected, Duration.ofSeconds(10));
    }

    /**
     * What arrived for {@code recipient} after {@code wait} during which no further mail came (to
     * check that none does): a mail arriving meanwhile ends the wait at once, and is returned.
     */
    public List<MimeMessage> after(String recipient, Duration wait) {
        int before = mailsTo(recipient).size();
        try {
            Awaitility.await()
                    .during(wait)
                    .atMost(wait.plusSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> mailsTo(recipient).size() == before);
        } catch (ConditionTimeoutException e) {
            // another mail came: the caller's assertion names it
        }
        return mailsTo(recipient);
    }

    /** The mails for {@code recipient} once {@code expected} have come, or all that came within {@code wait}. */
    private List<MimeMessage> to(String recipient, int expected, Duration wait) {
        try {
            Awaitility.await()
                    .atMost(wait)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> mailsTo(recipient).size() >= expected);
        } catch (ConditionTimeoutException e) {
            // fewer than expected: the caller's assertion says how many came
        }
        return mailsTo(recipient);
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(recipient);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The decoded text of a mail, with Unix line ends. */
    public static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
