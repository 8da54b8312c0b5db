-- Recurring revenue (issue 12): every change of what a recurring donation adds to its campaign's
-- committed yearly figure (12 x a monthly amount, a yearly amount once, while it collects), one
-- immutable row each, written in the transaction that changed the donation. The sum of a
-- donation's rows is what it adds now (an invariant checks it); the rows of a month are that
-- month's new, expansion, contraction, churned, reactivated, paused and resumed recurring revenue.
CREATE TABLE recurring_movement (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    donation_id   BIGINT        NOT NULL,
    campaign_id   BIGINT        NOT NULL,
    livemode      BOOLEAN       NOT NULL,
    month_key     CHAR(7)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    kind          VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_units    BIGINT        NOT NULL,
    to_units      BIGINT        NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_recurring_movement_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_recurring_movement_donation ON recurring_movement (donation_id, id);
CREATE INDEX ix_recurring_movement_month ON recurring_movement
    (campaign_id, livemode, month_key, kind, from_units, to_units, donation_id);
