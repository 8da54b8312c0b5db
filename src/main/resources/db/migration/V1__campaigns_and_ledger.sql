-- Goalpost schema, part 1: campaigns, tiers, donors, donations, the ledger and the kept totals.
-- One script for MySQL 8, MariaDB 10.11+ and H2 in MySQL mode. Instants are UTC DATETIME(6).
-- Stripe ids and other source references are case-sensitive: they use a binary collation.

CREATE TABLE campaign (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug          VARCHAR(64)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(5000) NULL,
    currency      CHAR(3)       NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    starts_at     DATETIME(6)   NULL,
    ends_at       DATETIME(6)   NULL,
    time_zone     VARCHAR(64)   NOT NULL,
    period_kind   VARCHAR(16)   NOT NULL,
    count_basis   VARCHAR(8)    NOT NULL,
    amount_style  VARCHAR(16)   NOT NULL,
    embed_origins VARCHAR(2000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_campaign_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE campaign_tier (
    campaign_id   BIGINT        NOT NULL,
    tier_order    INT           NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    label         VARCHAR(100)  NOT NULL,
    description   VARCHAR(500)  NULL,
    PRIMARY KEY (campaign_id, tier_order),
    CONSTRAINT fk_tier_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE donor (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(254)  NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_donor_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE donation (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id          VARCHAR(36)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    campaign_id        BIGINT        NOT NULL,
    donor_id           BIGINT        NULL,
    channel            VARCHAR(16)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    donation_interval  VARCHAR(8)    NOT NULL,
    amount_minor       BIGINT        NOT NULL,
    currency           CHAR(3)       NOT NULL,
    livemode           BOOLEAN       NOT NULL,
    donor_name         VARCHAR(200)  NULL,
    donor_email        VARCHAR(254)  NULL,
    anonymous          BOOLEAN       NOT NULL,
    message            VARCHAR(2000) NULL,
    gift_minor         BIGINT        NULL,
    cover_fees         BOOLEAN       NOT NULL DEFAULT FALSE,
    request_key        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    checkout_session_id VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
    checkout_url       VARCHAR(2048) NULL,
    checkout_expires_at DATETIME(6)  NULL,
    subscription_id    VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    subscription_status VARCHAR(32)  NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uq_donation_public_id UNIQUE (public_id),
    CONSTRAINT uq_donation_request_key UNIQUE (request_key),
    CONSTRAINT uq_donation_checkout_session UNIQUE (checkout_session_id),
    CONSTRAINT fk_donation_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_donation_donor FOREIGN KEY (donor_id) REFERENCES donor (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_donation_campaign_created ON donation (campaign_id, created_at);
CREATE INDEX ix_donation_subscription ON donation (subscription_id);
CREATE INDEX ix_donation_status_created ON donation (status, created_at);

-- Every money movement, once. Rows are inserted, never updated or deleted.
CREATE TABLE ledger_entry (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id   BIGINT        NOT NULL,
    donation_id   BIGINT        NULL,
    period_key    VARCHAR(7)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind          VARCHAR(24)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    fee_minor     BIGINT        NOT NULL,
    currency      CHAR(3)       NOT NULL,
    source_ref    VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    donor_ref     VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode      BOOLEAN       NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    recorded_by   VARCHAR(254)  NULL,
    note          VARCHAR(500)  NULL,
    CONSTRAINT uq_ledger_kind_source UNIQUE (kind, source_ref),
    CONSTRAINT fk_ledger_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_ledger_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_ledger_period ON ledger_entry (campaign_id, period_key, livemode);

-- The kept totals per campaign, period and mode, changed only by SQL increments in the
-- transaction that inserts the ledger row they come from.
CREATE TABLE campaign_totals (
    campaign_id     BIGINT       NOT NULL,
    period_key      VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode        BOOLEAN      NOT NULL,
    currency        CHAR(3)      NOT NULL,
    raised_minor    BIGINT       NOT NULL,
    gross_minor     BIGINT       NOT NULL,
    refunded_minor  BIGINT       NOT NULL,
    disputed_minor  BIGINT       NOT NULL,
    adjusted_minor  BIGINT       NOT NULL,
    fees_minor      BIGINT       NOT NULL,
    donation_count  BIGINT       NOT NULL,
    donor_count     BIGINT       NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (campaign_id, period_key, livemode),
    CONSTRAINT fk_totals_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who has given in a period: a donor is counted once per campaign, period and mode.
CREATE TABLE period_donor (
    campaign_id   BIGINT       NOT NULL,
    period_key    VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode      BOOLEAN      NOT NULL,
    donor_ref     VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (campaign_id, period_key, livemode, donor_ref),
    CONSTRAINT fk_period_donor_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Payments through a gateway (Stripe, or the local test gateway): which donation, campaign and
-- period a PaymentIntent (and its charge) was counted in, so that its refunds and disputes land
-- on the same campaign and period, whichever order their events arrive in.
CREATE TABLE gateway_payment (
    payment_intent_id  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    charge_id          VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ledger_source_ref  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    donation_id        BIGINT       NOT NULL,
    campaign_id        BIGINT       NOT NULL,
    period_key         VARCHAR(7)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    livemode           BOOLEAN      NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    fee_minor          BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    paid_at            DATETIME(6)  NOT NULL,
    CONSTRAINT uq_gateway_payment_charge UNIQUE (charge_id),
    CONSTRAINT fk_gateway_payment_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The webhook inbox: every gateway event once, recorded in the transaction that applies it.
CREATE TABLE inbox_event (
    event_id      VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    event_type    VARCHAR(100) NOT NULL,
    livemode      BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    received_at   DATETIME(6)  NOT NULL,
    received_by   VARCHAR(16)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    donation_id   BIGINT       NULL,
    summary       VARCHAR(500) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_inbox_donation ON inbox_event (donation_id);
CREATE INDEX ix_inbox_received ON inbox_event (received_at);

-- Where the reconciler stopped reading the gateway's event list.
CREATE TABLE reconcile_checkpoint (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    position_at   DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
