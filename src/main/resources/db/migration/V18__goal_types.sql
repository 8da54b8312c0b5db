-- Recurring revenue (issue 12): what a campaign's bar measures ('RAISED' money received in the period, 'RECURRING'
-- monthly recurring revenue now, 'DONORS' donors in the period), and whether a raised goal past its end date still
-- shows the money that comes in after it (the ledger counts it either way).
ALTER TABLE campaign ADD COLUMN goal_type VARCHAR(16) NOT NULL DEFAULT 'RAISED';
ALTER TABLE campaign ADD COLUMN late_money_shown BOOLEAN NOT NULL DEFAULT TRUE;

-- When a campaign's kept recurring figures last changed: other instances notice a change of recurring revenue
-- (a cancellation, a pause: no money moves) as they notice a change of totals.
ALTER TABLE recurring_month ADD COLUMN updated_at DATETIME(6) NULL;

-- The bar of a raised goal that stands still at its end date sums the ledger up to that instant.
CREATE INDEX ix_ledger_campaign_time ON ledger_entry (campaign_id, livemode, period_key, occurred_at);
