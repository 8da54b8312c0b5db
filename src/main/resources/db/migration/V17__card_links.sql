-- Recurring revenue (issue 12): the failed-instalment email carries a link that opens Stripe's card form for that
-- donation. Like the portal's links: single-use, expiring, only the SHA-256 of the token kept; bound to one donation.
CREATE TABLE card_link (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    donation_id  BIGINT        NOT NULL,
    token_hash   CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    expires_at   DATETIME(6)   NOT NULL,
    used_at      DATETIME(6)   NULL,
    CONSTRAINT uq_card_link_token UNIQUE (token_hash),
    CONSTRAINT fk_card_link_donation FOREIGN KEY (donation_id) REFERENCES donation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Yearly donors are reminded a week before their renewal: found by the date of the next payment, over all campaigns.
CREATE INDEX ix_donation_renewal ON donation (next_payment_at);
