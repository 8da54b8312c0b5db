-- Issue 13: first-party attribution. Views and clicks of the widget as aggregates per campaign, day (campaign time
-- zone), page, placement, variant and utm fields, written as increments; the key is a SHA-256 of those fields, so
-- that a 500-character page still makes a short primary key. Nothing identifies a reader.
CREATE TABLE attribution_daily (
    campaign_id   BIGINT        NOT NULL,
    view_day      DATE          NOT NULL,
    key_hash      CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    page          VARCHAR(500)  NULL,
    placement     VARCHAR(64)   NOT NULL,
    variant       VARCHAR(32)   NULL,
    utm_source    VARCHAR(100)  NULL,
    utm_medium    VARCHAR(100)  NULL,
    utm_campaign  VARCHAR(100)  NULL,
    views         BIGINT        NOT NULL,
    clicks        BIGINT        NOT NULL,
    PRIMARY KEY (campaign_id, view_day, key_hash),
    CONSTRAINT fk_attribution_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Where a checkout came from, stored once with its donation (written with it, never changed; erased with the data of the donor
-- data). The donation money, refunds, disputes and later instalments are attributed to it through the ledger.
CREATE TABLE donation_attribution (
    donation_id   BIGINT        NOT NULL PRIMARY KEY,
    campaign_id   BIGINT        NOT NULL,
    key_hash      CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    page          VARCHAR(500)  NULL,
    placement     VARCHAR(64)   NOT NULL,
    variant       VARCHAR(32)   NULL,
    utm_source    VARCHAR(100)  NULL,
    utm_medium    VARCHAR(100)  NULL,
    utm_campaign  VARCHAR(100)  NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_donation_attribution_donation FOREIGN KEY (donation_id) REFERENCES donation (id),
    CONSTRAINT fk_donation_attribution_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_donation_attribution_campaign ON donation_attribution (campaign_id);
