-- Issue 13: tests of the ask. An experiment of a campaign and its variants (amounts per frequency written as
-- "once:1000,2500*,5000;month:500,1000*,2000", the starred amount preselected). One experiment per campaign runs or
-- is stopped at a time; an ended one keeps its winner.
CREATE TABLE ask_experiment (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id   BIGINT        NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    state         VARCHAR(8)    NOT NULL,
    started_at    DATETIME(6)   NOT NULL,
    stopped_at    DATETIME(6)   NULL,
    ended_at      DATETIME(6)   NULL,
    winner        VARCHAR(32)   NULL,
    CONSTRAINT fk_experiment_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_experiment_campaign ON ask_experiment (campaign_id, state);

CREATE TABLE ask_experiment_variant (
    experiment_id    BIGINT        NOT NULL,
    variant_key      VARCHAR(32)   NOT NULL,
    variant_order    INT           NOT NULL,
    share_percent    INT           NOT NULL,
    headline         VARCHAR(120)  NULL,
    default_interval VARCHAR(5)    NOT NULL,
    amounts          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (experiment_id, variant_key),
    CONSTRAINT fk_variant_experiment FOREIGN KEY (experiment_id) REFERENCES ask_experiment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
