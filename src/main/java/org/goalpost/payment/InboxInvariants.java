package org.goalpost.payment;

import java.util.List;
import org.goalpost.shared.health.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every event in the inbox was processed to a known outcome, and what it applied points at a donation that exists. */
@Component
class InboxInvariants implements InvariantCheck {

    private final JdbcClient jdbc;

    InboxInvariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Outcome> check() {
        long unprocessed = jdbc.sql(
                        "SELECT COUNT(*) FROM inbox_event i WHERE i.outcome NOT IN ('APPLIED', 'NO_EFFECT') "
                                + "OR (i.donation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM donation d "
                                + "WHERE d.id = i.donation_id))")
                .query(Long.class)
                .single();
        return List.of(new Outcome(
                "inbox-events-processed",
                "inbox events without a known outcome, or applied to a donation that does not exist",
                unprocessed));
    }
}
