-- Goalpost schema, part 2: staff users, API tokens, the audit log, and money per day for the
-- staff charts (kept like the period totals: one SQL increment per ledger row, same transaction).

CREATE TABLE staff_user (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    email           VARCHAR(254)  NOT NULL,
    display_name    VARCHAR(200)  NULL,
    password_hash   VARCHAR(500)  NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    security_stamp  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failed_logins   INT           NOT NULL,
    locked_until    DATETIME(6)   NULL,
    last_login_at   DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_staff_user_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE api_token (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    token_hash      CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_prefix    VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    created_by      VARCHAR(254)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    last_used_at    DATETIME(6)   NULL,
    revoked_at      DATETIME(6)   NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every staff action, appended, never updated or deleted by the app.
CREATE TABLE audit_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)   NOT NULL,
    actor           VARCHAR(254)  NOT NULL,
    ip              VARCHAR(64)   NULL,
    action          VARCHAR(64)   NOT NULL,
    target          VARCHAR(255)  NULL,
    details         VARCHAR(4000) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_audit_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_action ON audit_event (action, occurred_at);

-- Money per campaign, period, mode and day (in the campaign's time zone), for the charts.
CREATE TABLE campaign_daily (
    campaign_id     BIGINT       NOT NULL,
    period_key      VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode        BOOLEAN      NOT NULL,
    local_day       DATE         NOT NULL,
    raised_minor    BIGINT       NOT NULL,
    gross_minor     BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, period_key, livemode, local_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Search and keyset paging of donations at a million rows.
CREATE INDEX ix_donation_created ON donation (created_at, id);
-- The list's pages: their ids come from this index alone, filters on status, interval and campaign included.
CREATE INDEX ix_donation_mode_created ON donation (livemode, created_at, id, status, donation_interval, campaign_id);
CREATE INDEX ix_donation_name ON donation (donor_name);
-- Committed monthly (the dashboard, the totals API): summed from this index alone.
CREATE INDEX ix_donation_committed ON donation (campaign_id, livemode, donation_interval, status, subscription_status, amount_minor);
CREATE INDEX ix_donation_email ON donation (donor_email);
CREATE INDEX ix_gateway_payment_donation ON gateway_payment (donation_id);

-- Money recorded before this table existed, by its UTC day.
INSERT INTO campaign_daily (campaign_id, period_key, livemode, local_day, raised_minor, gross_minor)
SELECT campaign_id, period_key, livemode, CAST(occurred_at AS DATE), SUM(amount_minor),
       SUM(CASE WHEN kind IN ('PAYMENT', 'OFFLINE_GIFT') THEN amount_minor ELSE 0 END)
FROM ledger_entry GROUP BY campaign_id, period_key, livemode, CAST(occurred_at AS DATE);
