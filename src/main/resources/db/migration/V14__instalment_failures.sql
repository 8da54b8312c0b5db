-- Recurring revenue (issue 12): every recurring payment (an invoice) with a failed attempt, once,
-- filed under the month of its first failure in the campaign's time zone; recovered_at is set when
-- the same invoice is paid after all. An unrecovered one whose subscription has ended is lost.
CREATE TABLE instalment_failure (
    invoice_ref   VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    donation_id   BIGINT        NOT NULL,
    campaign_id   BIGINT        NOT NULL,
    livemode      BOOLEAN       NOT NULL,
    month_key     CHAR(7)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failed_at     DATETIME(6)   NOT NULL,
    recovered_at  DATETIME(6)   NULL,
    CONSTRAINT fk_instalment_failure_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_instalment_failure_month ON instalment_failure (campaign_id, livemode, month_key, recovered_at);
