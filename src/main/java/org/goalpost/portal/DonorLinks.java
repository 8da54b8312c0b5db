package org.goalpost.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.limits.ClientKeys;
import org.goalpost.shared.limits.KeyedBuckets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

/**
 * The links themselves: 256 random bits, of which only the SHA-256 is stored with the address,
 * valid {@code VALID_FOR} and once. A link whose token was changed in any way is unknown. Requests
 * are limited per address and per client (a few an hour), silently: the answer is the same. As Spring Security's
 * {@link OneTimeTokenService} it is what the portal's one-time-token sign-in consumes.
 */
@Component
class DonorLinks implements OneTimeTokenService {

    static final Duration VALID_FOR = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyedBuckets perAddress = new KeyedBuckets(3, Duration.ofHours(1), 100_000);
    private final KeyedBuckets perClient = new KeyedBuckets(10, Duration.ofHours(1), 100_000);
    private final ClientKeys clients;

    DonorLinks(JdbcClient jdbc, Clock clock, ClientKeys clients) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clients = clients;
    }

    /**
     * Whether another link may be sent now for this address, asked from this client (3 an hour per
     * address, 10 per client). The client's own limit is checked first: a client over it spends
     * nothing of the address's, so that nobody can use up someone else's links.
     */
    boolean mayRequest(String email, String clientAddress) {
        return perClient.of(clients.of(clientAddress)).tryConsume(1)
                && perAddress.of(email).tryConsume(1);
    }

    /** A new link's token for the address; only its hash is stored. */
    String issue(String email) {
        String token = LinkTokens.next();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO donor_link (email, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(email, hash(token), DbTime.param(now), DbTime.param(now.plus(VALID_FOR)))
                .update();
        return token;
    }

    /** A link for the request's address (the portal's request form issues them; see {@link LinkMailer}). */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String token = issue(request.getUsername());
        return new DefaultOneTimeToken(
                token, request.getUsername(), clock.instant().plus(VALID_FOR));
    }

    /** Uses the link once: the token and the address it was mailed to, or null when it opens nothing. */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        return use(token)
                .map(email -> new DefaultOneTimeToken(token, email, clock.instant()))
                .orElse(null);
    }

    /** Whether the token opens something now (unused, unexpired), without using it. */
    boolean usable(String token) {
        return LinkTokens.usable(jdbc, "donor_link", token, clock.instant());
    }

    /** Uses the link: its address, once; empty when it is unknown, used or expired. */
    Optional<String> use(String token) {
        return LinkTokens.use(jdbc, "donor_link", "email", String.class, token, clock.instant());
    }

    static String hash(String token) {
        return LinkTokens.hash(token);
    }
}
