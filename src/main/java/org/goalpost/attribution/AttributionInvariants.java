package org.goalpost.attribution;

import java.util.List;
import org.goalpost.shared.health.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The attribution report is a view of the ledger: for every campaign and mode, the money it attributes (its rows,
 * summed) plus the money it reports unattributed is the ledger's sum, and no donation carries two attributions.
 */
@Component
class AttributionInvariants implements InvariantCheck {

    private final AttributionReport report;
    private final JdbcClient jdbc;

    AttributionInvariants(AttributionReport report, JdbcClient jdbc) {
        this.report = report;
        this.jdbc = jdbc;
    }

    @Override
    public List<Outcome> check() {
        long broken = 0;
        List<Long> campaigns = jdbc.sql("SELECT DISTINCT campaign_id FROM ledger_entry")
                .query(Long.class)
                .list();
        for (long campaign : campaigns) {
            for (boolean live : new boolean[] {false, true}) {
                long[] sides = report.reportedAndLedger(campaign, live);
                if (sides[0] != sides[1]) {
                    broken++;
                }
            }
        }
        long elsewhere = jdbc.sql(
                        "SELECT COUNT(*) FROM donation_attribution da JOIN donation d ON d.id = da.donation_id "
                                + "WHERE d.campaign_id <> da.campaign_id")
                .query(Long.class)
                .single();
        return List.of(
                new Outcome(
                        "attribution-matches-ledger",
                        "campaigns and modes whose attributed plus unattributed money differs from the ledger's sum",
                        broken),
                new Outcome(
                        "attribution-of-its-campaign",
                        "donation attributions filed under another campaign than their donation's",
                        elsewhere));
    }
}
