package org.goalpost.donation;

/** A one-time gift, or a monthly one. */
public enum DonationInterval {
    ONCE,
    MONTH
}
