-- Issue 14: what a campaign's donate form asks for. One row per campaign whose staff set an ask (headline and
-- accent colour, both optional), and its amounts per frequency in order, each with an optional impact line and
-- whether it is preselected. A campaign without a row takes the configured default amounts.

CREATE TABLE campaign_ask (
    campaign_id   BIGINT        NOT NULL PRIMARY KEY,
    headline      VARCHAR(120)  NULL,
    accent        CHAR(7)       NULL,
    CONSTRAINT fk_ask_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE campaign_ask_amount (
    campaign_id   BIGINT        NOT NULL,
    frequency     VARCHAR(5)    NOT NULL,
    amount_order  INT           NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    impact        VARCHAR(100)  NULL,
    preselected   BOOLEAN       NOT NULL,
    PRIMARY KEY (campaign_id, frequency, amount_order),
    CONSTRAINT fk_ask_amount_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
