-- The language the donor used (en, de...): their emails are written in it.
ALTER TABLE donation ADD COLUMN locale VARCHAR(35) NULL;
