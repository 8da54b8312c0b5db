-- Recurring revenue (issue 12): cohorts of recurring donors by the month they started (the month of their donation's
-- first commitment, its NEW row in the recurring revenue log, in the campaign's time zone), kept per month so that
-- the recurring view reads a retention triangle without scanning the log. Per cohort and month: how many started,
-- and how many the month's movements took away (a churn) or brought back (a reactivation); a pause keeps a donor.
CREATE TABLE recurring_cohort (
    campaign_id     BIGINT       NOT NULL,
    livemode        BOOLEAN      NOT NULL,
    cohort_month    CHAR(7)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    month_key       CHAR(7)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    started         BIGINT       NOT NULL,
    retained_delta  BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, livemode, cohort_month, month_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The money each cohort's donations brought so far (payments less refunds and disputes): lifetime value.
CREATE TABLE recurring_cohort_value (
    campaign_id     BIGINT       NOT NULL,
    livemode        BOOLEAN      NOT NULL,
    cohort_month    CHAR(7)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value_minor     BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, livemode, cohort_month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What the log and the ledger already hold.
INSERT INTO recurring_cohort (campaign_id, livemode, cohort_month, month_key, started, retained_delta)
SELECT m.campaign_id, m.livemode, n.month_key, m.month_key,
       SUM(CASE WHEN m.kind = 'NEW' THEN 1 ELSE 0 END),
       SUM(CASE m.kind WHEN 'NEW' THEN 1 WHEN 'REACTIVATION' THEN 1 WHEN 'CHURN' THEN -1 ELSE 0 END)
FROM recurring_movement m JOIN recurring_movement n ON n.donation_id = m.donation_id AND n.kind = 'NEW'
WHERE m.kind IN ('NEW', 'REACTIVATION', 'CHURN')
GROUP BY m.campaign_id, m.livemode, n.month_key, m.month_key;

INSERT INTO recurring_cohort_value (campaign_id, livemode, cohort_month, value_minor)
SELECT n.campaign_id, n.livemode, n.month_key, SUM(l.amount_minor)
FROM recurring_movement n JOIN ledger_entry l ON l.donation_id = n.donation_id
WHERE n.kind = 'NEW'
GROUP BY n.campaign_id, n.livemode, n.month_key;
