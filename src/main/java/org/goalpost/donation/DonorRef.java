package org.goalpost.donation;

import java.util.Objects;

/**
 * Who counts as one donor. A donor known by email is one donor however often they give
 * ({@code d:42}); a gift without an email is its own donor ({@code a:} + the donation's id).
 */
public record DonorRef(String value) {

    public DonorRef {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[da]:[0-9A-Za-z_-]{1,36}")) {
            throw new IllegalArgumentException("not a donor reference: " + value);
        }
    }

    public static DonorRef known(long donorId) {
        return new DonorRef("d:" + donorId);
    }

    public static DonorRef anonymous(String donationPublicId) {
        return new DonorRef("a:" + donationPublicId);
    }

    @Override
    public String toString() {
        return value;
    }
}
