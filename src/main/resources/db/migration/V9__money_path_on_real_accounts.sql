-- The money path on every real Stripe account (issue 11).

-- A subscription's state is the newest one reported: the time of the state kept (the reporting
-- event's creation), whether collection is paused, and why a donation was settled as it was.
ALTER TABLE donation ADD COLUMN subscription_state_at DATETIME(6) NULL;
ALTER TABLE donation ADD COLUMN collection_paused BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE donation ADD COLUMN status_reason VARCHAR(300) NULL;

-- A refund or dispute reported before the payment it reverses was counted, and not known as a
-- Goalpost payment yet (an instalment whose invoice has not been seen): kept here, keyed by the
-- payment, and applied in the transaction that counts that payment. Ids and amounts only.
CREATE TABLE waiting_fact (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_intent_id  VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    charge_id          VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    fact_type          VARCHAR(32)   NOT NULL,
    fact_json          VARCHAR(8000) NOT NULL,
    event_id           VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at         DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_waiting_fact_intent ON waiting_fact (payment_intent_id);
CREATE INDEX ix_waiting_fact_charge ON waiting_fact (charge_id);
CREATE INDEX ix_waiting_fact_created ON waiting_fact (created_at);

-- Items the reconciler could not handle (an event, a pending donation): parked with their error,
-- retried on later runs with a growing delay, shown to admins, who may retry or dismiss them.
CREATE TABLE reconcile_parked (
    item_key         VARCHAR(300)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    ref              VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label            VARCHAR(200)  NULL,
    livemode         BOOLEAN       NOT NULL,
    error            VARCHAR(1000) NOT NULL,
    attempts         INT           NOT NULL,
    first_failed_at  DATETIME(6)   NOT NULL,
    last_failed_at   DATETIME(6)   NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    closed_at        DATETIME(6)   NULL,
    closed_by        VARCHAR(254)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_reconcile_parked_state ON reconcile_parked (state, next_attempt_at);
