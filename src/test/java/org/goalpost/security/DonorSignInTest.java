package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The portal's sign-in: a used link makes a donor named by the stored address, for 30 minutes, and nobody else. */
class DonorSignInTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Links that open once, for one address. */
    private final OneTimeTokenService links = new OneTimeTokenService() {
        private boolean used;

        @Override
        public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OneTimeToken consume(OneTimeTokenAuthenticationToken token) {
            if (used || !token.getTokenValue().equals("good-token")) {
                return null;
            }
            used = true;
            return new DefaultOneTimeToken("good-token", "Mona@Example.org", NOW);
        }
    };

    @Test
    void aUsedLinkSignsInItsAddressForThirtyMinutesOnce() {
        Authentication signedIn = DonorSignIn.provider(links, CLOCK)
                .authenticate(OneTimeTokenAuthenticationToken.unauthenticated("good-token"));
        assertThat(signedIn.getName()).isEqualTo("Mona@Example.org");
        assertThat(signedIn.getAuthorities())
                .extracting(org.springframework.security.core.GrantedAuthority::getAuthority)
                .contains(DonorSignIn.ROLE);
        assertThat(signedIn.getDetails()).isEqualTo(new DonorSignIn(NOW.plus(Duration.ofMinutes(30))));
        assertThat(allowed(signedIn, NOW.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(allowed(signedIn, NOW.plus(Duration.ofMinutes(30))))
                .as("30 minutes, no more")
                .isFalse();
        assertThatThrownBy(() -> DonorSignIn.provider(links, CLOCK)
                        .authenticate(OneTimeTokenAuthenticationToken.unauthenticated("good-token")))
                .as("once")
                .isInstanceOf(InvalidOneTimeTokenException.class);
        assertThatThrownBy(() -> DonorSignIn.provider(links, CLOCK)
                        .authenticate(OneTimeTokenAuthenticationToken.unauthenticated("other-token")))
                .isInstanceOf(InvalidOneTimeTokenException.class);
    }

    @Test
    void aStaffLoginOrNobodyIsNoDonor() {
        Authentication admin = UsernamePasswordAuthenticationToken.authenticated(
                "admin@newsroom.test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        assertThat(allowed(admin, NOW)).isFalse();
        assertThat(allowed(null, NOW)).isFalse();
    }

    @Test
    void theTokenIsTheLastSegmentOfThePath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/donors/manage/abc_DEF-123");
        assertThat(((OneTimeTokenAuthenticationToken) DonorSignIn.tokenOf(request)).getTokenValue())
                .isEqualTo("abc_DEF-123");
    }

    private static boolean allowed(Authentication who, Instant at) {
        return DonorSignIn.current(Clock.fixed(at, ZoneOffset.UTC))
                .authorize(() -> who, new RequestAuthorizationContext(new MockHttpServletRequest()))
                .isGranted();
    }
}
