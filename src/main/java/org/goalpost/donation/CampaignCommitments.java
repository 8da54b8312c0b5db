package org.goalpost.donation;

import java.time.Clock;
import java.time.Duration;
import org.goalpost.campaign.CampaignUsage;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What depends on a campaign's currency, for the campaign module's lock: ledger rows, checkouts
 * still open (a donor may pay one in the old currency until it expires, 24 h at most) and
 * recurring donations still collecting (each instalment comes in the old currency).
 */
@Component
class CampaignCommitments implements CampaignUsage {

    /** A checkout without a known expiry is taken as open for as long as Stripe's may be. */
    static final Duration CHECKOUT_LIFETIME = Duration.ofHours(24);

    private final LedgerRepository entries;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignCommitments(LedgerRepository entries, JdbcClient jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean hasMoney(long campaignId) {
        return entries.hasEntries(campaignId);
    }

    @Override
    public Commitments openCommitments(long campaignId) {
        String now = DbTime.param(clock.instant());
        long open = jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ? AND status = 'PENDING' "
                        + "AND ((checkout_expires_at IS NOT NULL AND checkout_expires_at > ?) OR "
                        + "(checkout_expires_at IS NULL AND created_at > ?))")
                .params(campaignId, now, DbTime.param(clock.instant().minus(CHECKOUT_LIFETIME)))
                .query(Long.class)
                .single();
        long recurring = jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ? AND donation_interval <> 'ONCE' "
                        + "AND status = 'SUCCEEDED' AND subscription_id IS NOT NULL "
                        + "AND (subscription_status IS NULL OR subscription_status NOT IN ("
                        + DonationRepository.FINAL_SUBSCRIPTION_STATES + "))")
                .param(campaignId)
                .query(Long.class)
                .single();
        return new Commitments(open, recurring);
    }
}
