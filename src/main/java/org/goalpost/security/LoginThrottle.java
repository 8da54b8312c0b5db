package org.goalpost.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.audit.AuditLog;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address. An account is locked after
 * {@value #ACCOUNT_FREE_FAILURES} failures in a row, for one minute, doubling with each further
 * failure up to an hour; an address that failed {@value #IP_LIMIT} times within 15 minutes is
 * refused until its window ends. Messages never say which one applied, or whether the account exists.
 */
@Component
public class LoginThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int IP_LIMIT = 20;
    static final Duration IP_WINDOW = Duration.ofMinutes(15);
    private static final Duration MAX_LOCK = Duration.ofHours(1);

    private record Window(Instant start, AtomicInteger failures) {
    }

    private final StaffUserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(StaffUserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this address has failed too often lately. */
    public boolean addressBlocked(String address) {
        Window window = byAddress.get(address);
        return window != null && clock.instant().isBefore(window.start().plus(IP_WINDOW)) && window.failures().get() >= IP_LIMIT;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String attempted = EmailAddresses.normalise(event.getAuthentication().getName());
        String address = AuditLogAddress.current();
        if (address != null) {
            Instant now = clock.instant();
            byAddress.compute(address, (key, window) -> window == null || now.isAfter(window.start().plus(IP_WINDOW))
                    ? new Window(now, new AtomicInteger(1)) : count(window));
            if (byAddress.size() > 100_000) {
                byAddress.entrySet().removeIf(e -> now.isAfter(e.getValue().start().plus(IP_WINDOW)));
            }
        }
        if (attempted != null && attempted.length() <= 254) {
            int failures = users.loginFailed(attempted);
            if (failures >= ACCOUNT_FREE_FAILURES) {
                Duration lock = Duration.ofMinutes(1L << Math.min(6, failures - ACCOUNT_FREE_FAILURES));
                users.lockUntil(attempted, clock.instant().plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock));
            }
        }
        audit.record(attempted == null ? "unknown" : attempted, "login.failed", null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        users.loginSucceeded(event.getAuthentication().getName(), clock.instant());
        audit.record(event.getAuthentication().getName(), "login.succeeded", null, null);
    }

    private static Window count(Window window) {
        window.failures().incrementAndGet();
        return window;
    }
}
