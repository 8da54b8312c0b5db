-- Links that let a monthly donor manage their donation without an account: single-use, expiring;
-- only the SHA-256 of the token is kept, so the table cannot be used to open anyone's donations.
CREATE TABLE donor_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    email       VARCHAR(254)  NOT NULL,
    token_hash  CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    used_at     DATETIME(6)   NULL,
    CONSTRAINT uq_donor_link_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_donor_link_email ON donor_link (email);
