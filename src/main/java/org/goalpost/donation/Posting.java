package org.goalpost.donation;

/** What recording a ledger entry did. */
public enum Posting {
    /** The entry was new: it is in the ledger and in the totals. */
    RECORDED,
    /** An entry of that kind and source was already in the ledger: nothing changed. */
    ALREADY_RECORDED;

    public boolean isNew() {
        return this == RECORDED;
    }
}
