package org.goalpost.donation;

import java.time.Clock;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Donor identities, for counting unique donors: one donor per email address (compared without
 * case or surrounding spaces). Gifts without an email have no donor row and count on their own.
 */
@Service
class Donors {

    private final JdbcClient jdbc;
    private final Clock clock;

    Donors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The donor id for this email, created on first sight; empty when there is no email. */
    public Optional<Long> identify(String email) {
        String normalised = EmailAddresses.normalise(email);
        if (normalised == null) {
            return Optional.empty();
        }
        Optional<Long> known = find(normalised);
        if (known.isPresent()) {
            return known;
        }
        KeyHolder key = new GeneratedKeyHolder();
        boolean inserted =
                DuplicateKeys.insertUnlessPresent(() -> jdbc.sql("INSERT INTO donor (email, created_at) VALUES (?, ?)")
                        .params(normalised, DbTime.param(clock.instant()))
                        .update(key, "id"));
        return inserted ? Optional.of(key.getKeyAs(Number.class).longValue()) : find(normalised);
    }

    private Optional<Long> find(String normalisedEmail) {
        return jdbc.sql("SELECT id FROM donor WHERE email = ?")
                .param(normalisedEmail)
                .query(Long.class)
                .optional();
    }
}
