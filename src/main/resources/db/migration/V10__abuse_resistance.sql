-- Abuse resistance (issue 16).

-- Failed sign-ins per account and client (an IPv4 address, or an IPv6 /64): a client that fails
-- too often is locked out of that account only; the owner signs in from anywhere else.
CREATE TABLE staff_login_failure (
    email           VARCHAR(254)  NOT NULL,
    client_key      VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failures        INT           NOT NULL,
    last_failed_at  DATETIME(6)   NOT NULL,
    locked_until    DATETIME(6)   NULL,
    PRIMARY KEY (email, client_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_staff_login_failure_time ON staff_login_failure (last_failed_at);

-- When the account's owner was last told of a burst of failed sign-ins (at most once an hour).
ALTER TABLE staff_user ADD COLUMN failures_notified_at DATETIME(6) NULL;

-- API tokens belong to the staff member who made them, and may expire.
ALTER TABLE api_token ADD COLUMN owner_id BIGINT NULL;
ALTER TABLE api_token ADD COLUMN expires_at DATETIME(6) NULL;
-- Tokens made before owners were kept: their maker, when that is a staff account (the bootstrap token has none).
UPDATE api_token SET owner_id = (SELECT u.id FROM staff_user u WHERE u.email = api_token.created_by) WHERE owner_id IS NULL;
