-- Recurring revenue (issue 12): why a donor ended a recurring donation, when they said (the portal
-- asks, optionally, before it asks Stripe to cancel). Kept for staff; no money depends on it.
ALTER TABLE donation ADD COLUMN cancel_reason VARCHAR(32) NULL;
ALTER TABLE donation ADD COLUMN cancel_comment VARCHAR(500) NULL;
ALTER TABLE donation ADD COLUMN cancel_asked_at DATETIME(6) NULL;
