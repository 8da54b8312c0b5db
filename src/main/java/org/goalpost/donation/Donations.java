package org.goalpost.donation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Opens donations and moves them along their statuses, forward only. */
@Service
public class Donations {

    private final DonationRepository repository;
    private final Donors donors;
    private final Clock clock;

    Donations(DonationRepository repository, Donors donors, Clock clock) {
        this.repository = repository;
        this.donors = donors;
        this.clock = clock;
    }

    /** Writes a new donation in the given status; its donor is known at once when an email is given. */
    public Donation open(NewDonation donation, DonationStatus status) {
        Long donorId = donors.identify(donation.donorEmail()).orElse(null);
        long id = repository.insert(UUID.randomUUID().toString(), donation, donorId, status, clock.instant());
        return repository.findById(id).orElseThrow();
    }

    public Optional<Donation> find(long id) {
        return repository.findById(id);
    }

    public Optional<Donation> findByPublicId(String publicId) {
        return repository.findByPublicId(publicId);
    }

    /**
     * Moves a donation to {@code next} when its status allows that move; a move backwards (a late
     * failure after a success) is refused. Returns whether the status changed.
     */
    public boolean moveTo(Donation donation, DonationStatus next) {
        Donation current = repository.findById(donation.id()).orElseThrow();
        if (!current.status().canMoveTo(next)) {
            return false;
        }
        return repository.moveStatus(current.id(), current.status(), next, clock.instant());
    }
}
