-- Recurring revenue (issue 12): when a recurring donation's next payment is due, as its subscription's
-- newest state says (the end of the current period); renewals in the next 30 days are counted from it.
ALTER TABLE donation ADD COLUMN next_payment_at DATETIME(6) NULL;
CREATE INDEX ix_donation_next_payment ON donation (campaign_id, livemode, next_payment_at);
