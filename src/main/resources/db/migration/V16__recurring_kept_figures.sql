-- Recurring revenue (issue 12): the recurring view reads kept figures, not a scan per request.
-- Committed sums and the counts of collecting and paused donations come from this index alone.
CREATE INDEX ix_donation_recurring ON donation
    (campaign_id, livemode, donation_interval, status, subscription_status, collection_paused, amount_minor);

-- The recurring revenue log summed per campaign, mode, month and kind, incremented in the
-- transaction that writes each row of the log (an invariant recomputes it from the log).
CREATE TABLE recurring_month (
    campaign_id  BIGINT       NOT NULL,
    livemode     BOOLEAN      NOT NULL,
    month_key    CHAR(7)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    units        BIGINT       NOT NULL,
    movements    BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, livemode, month_key, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO recurring_month (campaign_id, livemode, month_key, kind, units, movements)
    SELECT campaign_id, livemode, month_key, kind, SUM(to_units - from_units), COUNT(*)
    FROM recurring_movement GROUP BY campaign_id, livemode, month_key, kind;

-- The reasons donors gave when they cancelled, counted per campaign without reading every donation.
CREATE INDEX ix_donation_cancel_reason ON donation (campaign_id, livemode, cancel_reason);
