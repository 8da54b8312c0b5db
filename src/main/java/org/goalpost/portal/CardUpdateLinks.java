package org.goalpost.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.receipt.CardLinks;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The card links of failed-instalment notices: bound to one donation, valid {@link #VALID_FOR} and once (opening
 * the page uses nothing; pressing its button does). Only the token's SHA-256 is stored.
 */
@Component
class CardUpdateLinks implements CardLinks {

    static final Duration VALID_FOR = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicUrl;

    CardUpdateLinks(JdbcClient jdbc, Clock clock, PaymentProperties payments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicUrl = payments.publicUrl();
    }

    @Override
    public String issue(long donationId, Locale locale) {
        String token = LinkTokens.next();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO card_link (donation_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(donationId, LinkTokens.hash(token), DbTime.param(now), DbTime.param(now.plus(VALID_FOR)))
                .update();
        return publicUrl + "/donors/card/" + token + "?lang=" + locale.getLanguage();
    }

    @Override
    public long validDays() {
        return VALID_FOR.toDays();
    }

    /** Whether the token opens something now (unused, unexpired), without using it. */
    boolean usable(String token) {
        return LinkTokens.usable(jdbc, "card_link", token, clock.instant());
    }

    /** Uses the link: the donation it was made for, once; empty when it is unknown, used or expired. */
    Optional<Long> use(String token) {
        return LinkTokens.use(jdbc, "card_link", "donation_id", Long.class, token, clock.instant());
    }

    /** Gives a used link back (the gateway could not open its page), so that the donor can press again. */
    void giveBack(String token) {
        jdbc.sql("UPDATE card_link SET used_at = NULL WHERE token_hash = ?")
                .param(LinkTokens.hash(token))
                .update();
    }
}
