-- Emails to donors (receipts and notices), written in the transaction that counted what they tell
-- of, sent after the commit and retried; one row per kind and Stripe object, so a repeated event
-- sends nothing more.
CREATE TABLE mail_outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL,
    source_ref       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    donation_id      BIGINT        NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    occurred_at      DATETIME(6)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6)   NULL,
    gave_up_at       DATETIME(6)   NULL,
    last_error       VARCHAR(500)  NULL,
    CONSTRAINT uq_mail_outbox UNIQUE (kind, source_ref),
    CONSTRAINT fk_mail_outbox_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
