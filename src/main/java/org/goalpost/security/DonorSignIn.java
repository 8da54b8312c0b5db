package org.goalpost.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.goalpost.shared.web.Languages;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A donor's sign-in to the portal through a one-time link: who (the address the link was mailed to, exactly as
 * stored) and until when ({@link #VALID_FOR} after the link was used). Kept in the session under its own key.
 */
record DonorSignIn(Instant until) implements Serializable {

    static final String SESSION_KEY = "GOALPOST_DONOR_SIGN_IN";
    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final String ROLE = "ROLE_DONOR";

    /** The link's token is the last segment of {@code POST /donors/manage/{token}}. */
    static Authentication tokenOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        return OneTimeTokenAuthenticationToken.unauthenticated(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Spring's one-time-token provider (the link used once, its stored address the name), stamped with the expiry. */
    static AuthenticationProvider provider(OneTimeTokenService links, Clock clock) {
        OneTimeTokenAuthenticationProvider once = new OneTimeTokenAuthenticationProvider(
                links,
                email -> User.withUsername(email).password("").authorities(ROLE).build());
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                Authentication signedIn = once.authenticate(authentication);
                return signedIn.toBuilder()
                        .details(new DonorSignIn(clock.instant().plus(VALID_FOR)))
                        .build();
            }

            @Override
            public boolean supports(Class<?> type) {
                return once.supports(type);
            }
        };
    }

    /** To the portal, in the language of the link's page. */
    static void toPortal(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
            throws IOException {
        redirect(request, response, "/donors/portal");
    }

    /** Redirects to a portal page in the language of the page the request came from ({@code lang}, or the browser). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String language = Languages.resolve(
                        request.getParameter("lang"),
                        request.getHeader("Accept-Language") == null
                                ? List.of()
                                : Collections.list(request.getLocales()))
                .getLanguage();
        response.sendRedirect(request.getContextPath() + path + "?lang=" + language);
    }

    /** A donor signed in by a link, less than {@link #VALID_FOR} ago. */
    static AuthorizationManager<RequestAuthorizationContext> current(Clock clock) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                Authentication who = authentication.get();
                return new AuthorizationDecision(who != null
                        && who.isAuthenticated()
                        && who.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()))
                        && who.getDetails() instanceof DonorSignIn signIn
                        && signIn.until().isAfter(clock.instant()));
            }
        };
    }
}
