package org.goalpost.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session when it must: eight hours after login whatever the activity (the idle
 * timeout is the servlet session's, 30 minutes), or as soon as the account was disabled, its role
 * changed or its password reset (its security stamp no longer matches the one of the login).
 * This holds on every instance: the stamp is in the database.
 */
class StaffSessionFilter extends OncePerRequestFilter {

    static final String STAMP = "goalpost.securityStamp";
    static final String LOGIN_AT = "goalpost.loginAt";
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(8);

    private final StaffUserRepository users;
    private final Clock clock;

    StaffSessionFilter(StaffUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Notes the stamp and time of a login in its (new) session, then goes where the user was heading. */
    static AuthenticationSuccessHandler onLogin(StaffUserRepository users, Clock clock) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/staff");
        return (request, response, authentication) -> {
            HttpSession session = request.getSession();
            session.setAttribute(
                    STAMP, users.securityStamp(authentication.getName()).orElse(""));
            session.setAttribute(LOGIN_AT, clock.instant().toEpochMilli());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && session.getAttribute(STAMP) != null
                && authentication != null
                && authentication.isAuthenticated()) {
            Object loginAt = session.getAttribute(LOGIN_AT);
            boolean tooOld = loginAt instanceof Long at && clock.millis() - at > ABSOLUTE_TIMEOUT.toMillis();
            boolean revoked = !Objects.equals(
                    users.securityStamp(authentication.getName()).orElse(null), session.getAttribute(STAMP));
            if (tooOld || revoked) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (request.getRequestURI().startsWith("/api/")) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
