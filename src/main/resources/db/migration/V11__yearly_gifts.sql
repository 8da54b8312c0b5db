-- Recurring revenue (issue 12), first part: yearly gifts.

-- How often the campaign's donate form offers to give by default: 'once', 'month' or 'year'.
-- (donation.donation_interval already holds 'ONCE', 'MONTH' and now 'YEAR'.)
ALTER TABLE campaign ADD COLUMN default_interval VARCHAR(8) NOT NULL DEFAULT 'once';
