package org.goalpost.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.audit.AuditLog;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.limits.ClientKeys;
import org.goalpost.shared.text.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock a staff member out. Failures are
 * counted per account <em>and</em> client ({@link ClientKeys}: an address, or an IPv6 /64): a
 * client that fails {@value #PAIR_FREE_FAILURES} times for an account is refused for that account
 * for one minute, doubling with each further failure up to an hour, while the owner still signs in
 * from any other client. An attempt refused during a lock is not counted, so a lock is never
 * extended by being knocked on. A client that failed {@value #CLIENT_LIMIT} times within 15
 * minutes, for any accounts, is refused until its window ends. When an account sees
 * {@value #BURST} failures within 15 minutes, from any clients, its owner is told by email (once an
 * hour, when mail is configured). Messages never say which rule applied, or whether the account exists.
 */
@Component
class LoginThrottle {

    static final int PAIR_FREE_FAILURES = 5;
    static final int CLIENT_LIMIT = 20;
    static final int BURST = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofHours(1);
    /** Failures older than this no longer count towards a lock. */
    static final Duration FORGET = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private record Window(Instant start, AtomicInteger failures) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ClientKeys clients;
    private final ObjectProvider<JavaMailSender> mail;
    private final TaskExecutor background;
    private final String from;
    private final Cache<String, Window> byClient =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(WINDOW).build();

    LoginThrottle(
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            ClientKeys clients,
            ObjectProvider<JavaMailSender> mail,
            @Qualifier("applicationTaskExecutor") TaskExecutor background,
            @Value("${goalpost.receipts.from:receipts@localhost}") String from) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.clients = clients;
        this.mail = mail;
        this.background = background;
        this.from = from;
    }

    /**
     * Whether a sign-in to this account from this client is refused before its password is
     * checked (the client failed too often lately, overall or for this account). Counts nothing.
     */
    public boolean refused(String username, String clientAddress) {
        String client = clients.of(clientAddress);
        Window window = client == null ? null : byClient.getIfPresent(client);
        if (window != null && window.failures().get() >= CLIENT_LIMIT) {
            return true;
        }
        String email = EmailAddresses.normalise(username);
        if (email == null || email.length() > 254 || client == null) {
            return false;
        }
        return jdbc.sql("SELECT locked_until FROM staff_login_failure WHERE email = ? AND client_key = ?")
                .params(email, clip(client))
                .query((rs, n) -> DbTime.read(rs, "locked_until"))
                .optional()
                .filter(until -> until != null && clock.instant().isBefore(until))
                .isPresent();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        String email = EmailAddresses.normalise(typed);
        String client = clients.of(AuditLogAddress.current());
        Instant now = clock.instant();
        if (client != null) {
            byClient.asMap()
                    .compute(
                            client,
                            (key, window) -> window == null ? new Window(now, new AtomicInteger(1)) : count(window));
        }
        if (email != null && email.length() <= 254 && client != null && accountExists(email)) {
            countForAccount(email, clip(client), now);
        }
        // the typed name is data, never the actor: anyone can type anything there
        audit.record(
                "anonymous",
                "login.failed",
                null,
                "attempted: " + printable(typed) + " ("
                        + event.getException().getClass().getSimpleName() + ")");
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        String email = EmailAddresses.normalise(event.getAuthentication().getName());
        String client = clients.of(AuditLogAddress.current());
        jdbc.sql("UPDATE staff_user SET last_login_at = ? WHERE email = ?")
                .params(DbTime.param(clock.instant()), email)
                .update();
        if (client != null) {
            jdbc.sql("DELETE FROM staff_login_failure WHERE email = ? AND client_key = ?")
                    .params(email, clip(client))
                    .update();
        }
        audit.record(event.getAuthentication().getName(), "login.succeeded", null, null);
    }

    private boolean accountExists(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** One more failure of this client for this account; a lock from the fifth on; the owner told of a burst. */
    private void countForAccount(String email, String client, Instant now) {
        int updated = jdbc.sql("UPDATE staff_login_failure SET failures = CASE WHEN last_failed_at < ? THEN 1 ELSE "
                        + "failures + 1 END, "
                        + "last_failed_at = ? WHERE email = ? AND client_key = ?")
                .params(DbTime.param(now.minus(FORGET)), DbTime.param(now), email, client)
                .update();
        if (updated == 0) {
            org.goalpost.shared.db.DuplicateKeys.insertUnlessPresent(
                    () -> jdbc.sql("INSERT INTO staff_login_failure (email, client_key, failures, last_failed_at) "
                                    + "VALUES (?, ?, 1, ?)")
                            .params(email, client, DbTime.param(now))
                            .update());
        }
        int failures = jdbc.sql("SELECT failures FROM staff_login_failure WHERE email = ? AND client_key = ?")
                .params(email, client)
                .query(Integer.class)
                .single();
        if (failures >= PAIR_FREE_FAILURES) {
            Duration lock = Duration.ofMinutes(1L << Math.min(6, failures - PAIR_FREE_FAILURES));
            jdbc.sql("UPDATE staff_login_failure SET locked_until = ? WHERE email = ? AND client_key = ?")
                    .params(DbTime.param(now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock)), email, client)
                    .update();
        }
        long recent = jdbc.sql("SELECT COALESCE(SUM(failures), 0) FROM staff_login_failure WHERE email = ? AND "
                        + "last_failed_at > ?")
                .params(email, DbTime.param(now.minus(WINDOW)))
                .query(Long.class)
                .single();
        if (recent >= BURST && claimNotice(email, now)) {
            long clientsSeen = jdbc.sql(
                            "SELECT COUNT(*) FROM staff_login_failure WHERE email = ? AND last_failed_at > ?")
                    .params(email, DbTime.param(now.minus(WINDOW)))
                    .query(Long.class)
                    .single();
            tell(email, recent, clientsSeen);
        }
    }

    /** Whether this instance may send the burst notice now (none sent within the hour, by any instance). */
    private boolean claimNotice(String email, Instant now) {
        return jdbc.sql("UPDATE staff_user SET failures_notified_at = ? WHERE email = ? AND "
                                + "(failures_notified_at IS NULL OR failures_notified_at < ?)")
                        .params(DbTime.param(now), email, DbTime.param(now.minus(Duration.ofHours(1))))
                        .update()
                == 1;
    }

    private void tell(String email, long failures, long clientsSeen) {
        audit.record(
                "system",
                "login.burst",
                email,
                failures + " failed sign-ins within 15 minutes from " + clientsSeen + " client(s)");
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn(
                    "Staff account {} saw {} failed sign-ins within 15 minutes (no mail configured to tell its owner)",
                    email,
                    failures);
            return;
        }
        background.execute(() -> {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email);
                helper.setSubject("Failed sign-ins to your Goalpost staff account");
                helper.setText("Your Goalpost staff account (" + email + ") saw " + failures
                        + " failed sign-ins within the last 15 minutes, from "
                        + clientsSeen + " device(s) or network(s).\n\n"
                        + "If that was not you, someone is guessing your password. They are slowed "
                        + "down, and your own sign-ins from a "
                        + "device without failures are not blocked. If your password is short or used "
                        + "elsewhere, change it now.\n");
                sender.send(message);
            } catch (Exception e) {
                log.warn("Could not tell {} of failed sign-ins: {}", email, e.getMessage());
            }
        });
    }

    private static Window count(Window window) {
        window.failures().incrementAndGet();
        return window;
    }

    private static String clip(String client) {
        return client.length() <= 100 ? client : client.substring(0, 100);
    }

    /** The typed name as data: printable characters only, at most 254 of them. */
    private static String printable(String typed) {
        if (typed == null) {
            return "";
        }
        String clean = typed.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() <= 254 ? clean : clean.substring(0, 254);
    }
}
