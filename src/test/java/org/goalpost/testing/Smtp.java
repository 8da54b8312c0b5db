package org.goalpost.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    /** What arrived for {@code recipient} within {@code wait}: to check that no (further) mail comes. */
    public List<MimeMessage> after(String recipient, Duration wait) throws Exception {
        return to(recipient, Integer.MAX_VALUE, wait);
    }

    private List<MimeMessage> to(String recipient, int expected, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        List<MimeMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = Arrays.stream(server.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(recipient);
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (found.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        }
        return found;
    }

    /** The decoded text of a mail, with Unix line ends. */
    public static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
