-- Recurring revenue (issue 12): the first-year value of recurring gifts, the way matching programmes count them
-- (a new monthly gift counts 12 times its first payment, a yearly gift its first payment, when that payment lands),
-- shown as "pledged" next to money received, never mixed into it.

-- Which ledger row was each recurring donation's first payment: one row per donation, the first to be recorded.
CREATE TABLE pledge_first (
    donation_id       BIGINT       NOT NULL PRIMARY KEY,
    campaign_id       BIGINT       NOT NULL,
    period_key        VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode          BOOLEAN      NOT NULL,
    source_ref        VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_year_minor  BIGINT       NOT NULL,
    recorded_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_pledge_first_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Kept per campaign, period and mode in the transaction that records the money: the money of one-time gifts (and of
-- rows without a recurring donation: offline gifts, adjustments), and the first-year value of the recurring gifts
-- whose first payment landed in the period. Pledged = the two added. An invariant recomputes both from the ledger.
CREATE TABLE campaign_pledged (
    campaign_id       BIGINT       NOT NULL,
    period_key        VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode          BOOLEAN      NOT NULL,
    once_minor        BIGINT       NOT NULL,
    first_year_minor  BIGINT       NOT NULL,
    updated_at        DATETIME(6)  NULL,
    PRIMARY KEY (campaign_id, period_key, livemode)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What the ledger already holds: each recurring donation's first payment (the lowest row id), and the sums.
INSERT INTO pledge_first (donation_id, campaign_id, period_key, livemode, source_ref, first_year_minor, recorded_at)
SELECT l.donation_id, l.campaign_id, l.period_key, l.livemode, l.source_ref,
       CASE d.donation_interval WHEN 'MONTH' THEN 12 * l.amount_minor ELSE l.amount_minor END, l.recorded_at
FROM ledger_entry l JOIN donation d ON d.id = l.donation_id
WHERE l.kind = 'PAYMENT' AND d.donation_interval IN ('MONTH', 'YEAR')
  AND l.id = (SELECT MIN(p.id) FROM ledger_entry p WHERE p.donation_id = l.donation_id AND p.kind = 'PAYMENT');

INSERT INTO campaign_pledged (campaign_id, period_key, livemode, once_minor, first_year_minor)
SELECT campaign_id, period_key, livemode, 0, 0 FROM ledger_entry GROUP BY campaign_id, period_key, livemode;

UPDATE campaign_pledged SET once_minor = COALESCE((SELECT SUM(l.amount_minor) FROM ledger_entry l
    LEFT JOIN donation d ON d.id = l.donation_id
    WHERE l.campaign_id = campaign_pledged.campaign_id AND l.period_key = campaign_pledged.period_key
      AND l.livemode = campaign_pledged.livemode AND (d.id IS NULL OR d.donation_interval = 'ONCE')), 0),
  first_year_minor = COALESCE((SELECT SUM(f.first_year_minor) FROM pledge_first f
    WHERE f.campaign_id = campaign_pledged.campaign_id AND f.period_key = campaign_pledged.period_key
      AND f.livemode = campaign_pledged.livemode), 0);

-- The bar of a raised goal may count recurring gifts by what was paid (the default) or by their first-year value.
ALTER TABLE campaign ADD COLUMN count_recurring_as VARCHAR(16) NOT NULL DEFAULT 'PAID';
