-- The donor wall: whether the donor allowed the amount to be shown, and whether staff hid the entry.
ALTER TABLE donation ADD COLUMN show_amount BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE donation ADD COLUMN wall_hidden_at DATETIME(6) NULL;
CREATE INDEX ix_donation_wall ON donation (campaign_id, livemode, status, created_at, id);
