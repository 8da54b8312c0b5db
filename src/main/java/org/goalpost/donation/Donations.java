package org.goalpost.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.goalpost.shared.db.DuplicateKeys;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.text.PlainText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens donations and moves them along their statuses, forward only. */
@Service
public class Donations {

    /** The longest comment a donor may leave when ending a recurring donation. */
    public static final int MAX_CANCEL_COMMENT = 500;

    private final DonationRepository repository;
    private final Donors donors;
    private final RecurringMovements movements;
    private final InstalmentFailures failures;
    private final Clock clock;

    Donations(
            DonationRepository repository,
            Donors donors,
            RecurringMovements movements,
            InstalmentFailures failures,
            Clock clock) {
        this.repository = repository;
        this.donors = donors;
        this.movements = movements;
        this.failures = failures;
        this.clock = clock;
    }

    /** A recurring payment (the gateway's invoice) failed at {@code at}; kept once per invoice. */
    public void instalmentFailed(Donation donation, String invoiceRef, Instant at) {
        failures.failed(donation, invoiceRef, at);
    }

    /** A recurring payment was paid: if it had failed before, it is recovered. */
    public void instalmentPaid(String invoiceRef, Instant at) {
        failures.paid(invoiceRef, at);
    }

    /**
     * Writes a new donation in the given status; its donor is known at once when an email is given.
     * With a request key already used, returns the donation that key opened instead.
     */
    @Transactional
    public Donation open(NewDonation donation, DonationStatus status) {
        if (donation.requestKey() != null) {
            Optional<Donation> earlier = repository.findByRequestKey(donation.requestKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Long donorId = donors.identify(donation.giver().email()).orElse(null);
        long[] id = new long[1];
        boolean inserted = DuplicateKeys.insertUnlessPresent(() ->
                id[0] = repository.insert(UUID.randomUUID().toString(), donation, donorId, status, clock.instant()));
        if (!inserted) {
            return repository.findByRequestKey(donation.requestKey()).orElseThrow();
        }
        if (donation.charge().interval().isRecurring() && status == DonationStatus.SUCCEEDED) {
            // only a donation opened as paid commits anything yet (the demo's, a test's)
            movements.record(id[0], clock.instant());
        }
        return repository.findById(id[0]).orElseThrow();
    }

    /** The donation a request key opened, if any. */
    public Optional<Donation> findByRequestKey(String requestKey) {
        return requestKey == null ? Optional.empty() : repository.findByRequestKey(requestKey);
    }

    public Optional<Donation> find(long id) {
        return repository.findById(id);
    }

    public Optional<Donation> findByPublicId(String publicId) {
        return publicId == null ? Optional.empty() : repository.findByPublicId(publicId);
    }

    public Optional<Donation> findByCheckoutSession(String sessionId) {
        return sessionId == null ? Optional.empty() : repository.findByCheckoutSession(sessionId);
    }

    public Optional<Donation> findBySubscription(String subscriptionId) {
        return subscriptionId == null ? Optional.empty() : repository.findBySubscription(subscriptionId);
    }

    /**
     * The recurring (monthly and yearly) donations, with their subscription, given under an email address,
     * newest first.
     * The address must match exactly, after the one normalisation {@link EmailAddresses} does: the
     * database's collation may take {@code exämple} for {@code example}; Java does not.
     */
    public List<Donation> recurringOf(String email) {
        String address = EmailAddresses.normalise(email);
        return address == null
                ? List.of()
                : repository.recurringOf(address).stream()
                        .filter(d -> address.equals(EmailAddresses.normalise(d.donorEmail())))
                        .toList();
    }

    /** A recurring donation's next payment: when it is due. */
    public record Renewal(Donation donation, Instant dueAt) {}

    /**
     * Yearly donations that collect (not paused, not ended) whose next payment falls before {@code to}, soonest
     * first, at most {@code limit}, after {@code after} (the last one of the previous page; null for the first, which
     * starts at {@code from}): the ones whose donors are reminded before they are charged.
     */
    public List<Renewal> yearlyRenewing(Instant from, Renewal after, Instant to, int limit) {
        return after == null
                ? repository.yearlyRenewing(from, -1, to, limit)
                : repository.yearlyRenewing(after.dueAt(), after.donation().id(), to, limit);
    }

    /** Donations still pending that were opened before {@code before}, oldest first. */
    public List<Donation> pendingOpenedBefore(Instant before, int limit) {
        return repository.pendingCreatedBefore(before, limit);
    }

    /**
     * Moves a donation to {@code next} when its status allows that move; a move backwards (a late
     * failure after a success) is refused. Returns whether the status changed.
     */
    @Transactional
    public boolean moveTo(Donation donation, DonationStatus next) {
        return moveTo(donation, next, clock.instant());
    }

    /**
     * Moves a donation as {@link #moveTo(Donation, DonationStatus)} does; a recurring donation's change of
     * commitment is logged as of {@code at} (when the gateway says it happened, such as a payment's time).
     */
    @Transactional
    public boolean moveTo(Donation donation, DonationStatus next, Instant at) {
        boolean moved = repository.moveStatus(donation.id(), DonationStatus.movingTo(next), next, clock.instant());
        if (moved && donation.isRecurring()) {
            movements.record(donation.id(), at);
        }
        return moved;
    }

    /**
     * Learns the donor of a donation from its payment (Stripe collects the email); a donor once known
     * stays. What the gateway sends is not trusted to fit: a name longer than a donor may type is cut
     * to that length, and an address that is not one is not used.
     */
    public Donation identifyDonor(Donation donation, String email, String name) {
        if (donation.donorId() != null) {
            return donation;
        }
        email = EmailAddresses.isValid(EmailAddresses.normalise(email)) ? email : null;
        name = PlainText.line(name);
        name = name == null || name.length() <= DonationPolicy.MAX_NAME
                ? name
                : name.substring(0, DonationPolicy.MAX_NAME);
        Optional<Long> donorId = donors.identify(email);
        if (donorId.isEmpty()) {
            return donation;
        }
        repository.attachDonor(donation.id(), donorId.get(), name, email, clock.instant());
        return donation.withDonor(donorId.get(), name, email);
    }

    /**
     * What recurring donors have committed to give each month (monthly recurring revenue): the
     * collecting (active, not paused) monthly amounts plus a twelfth of the yearly ones, summed
     * exactly and rounded once, half up, at the end.
     */
    public long committedMonthly(long campaignId, boolean livemode) {
        return RecurringRevenue.monthly(repository.committedYearly(campaignId, livemode));
    }

    /**
     * What recurring donors have committed to give each year (annual recurring revenue): twelve times the
     * collecting monthly amounts plus the collecting yearly ones. Exact.
     */
    public long committedYearly(long campaignId, boolean livemode) {
        return repository.committedYearly(campaignId, livemode);
    }

    public void attachCheckout(Donation donation, String sessionId, String url, Instant expiresAt) {
        repository.attachCheckout(donation.id(), sessionId, url, expiresAt, clock.instant());
    }

    public void linkSubscription(Donation donation, String subscriptionId) {
        repository.linkSubscription(donation.id(), subscriptionId, clock.instant());
    }

    /**
     * A recurring donation's subscription as the gateway reported it at {@code observedAt}. Kept
     * only when it is at least as new as the state kept, and never once the subscription has ended:
     * a late event (Stripe retries for days) cannot bring a canceled donor back or undo a newer amount
     * or interval. A null amount, interval or next payment time keeps the one stored.
     *
     * @return whether the state was kept
     */
    @Transactional
    public boolean subscriptionChanged(
            String subscriptionId,
            String status,
            Long amountMinor,
            DonationInterval interval,
            boolean paused,
            Instant nextPaymentAt,
            Instant observedAt) {
        boolean kept = repository.subscriptionState(
                subscriptionId, status, amountMinor, interval, paused, nextPaymentAt, observedAt, clock.instant());
        if (kept) {
            repository
                    .findBySubscription(subscriptionId)
                    .ifPresent(donation -> movements.record(donation.id(), observedAt));
        }
        return kept;
    }

    /**
     * Keeps why a donor asked to end a recurring donation (a reason from the list and/or their own words, at
     * most {@value #MAX_CANCEL_COMMENT} characters of text that may break lines); nothing else changes.
     *
     * @throws IllegalArgumentException when the comment is too long or holds control characters
     */
    public void recordCancellationReason(Donation donation, CancellationReason reason, String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && (text.codePointCount(0, text.length()) > MAX_CANCEL_COMMENT || !PlainText.isText(text))) {
            throw new IllegalArgumentException("comment");
        }
        if (reason != null || text != null) {
            repository.cancellationReason(donation.id(), reason, text, clock.instant());
        }
    }

    /** Moves a donation to {@code next} as {@link #moveTo} does, keeping why when it moved. */
    public boolean moveTo(Donation donation, DonationStatus next, String reason) {
        boolean moved = moveTo(donation, next);
        if (moved && reason != null) {
            repository.statusReason(donation.id(), reason, clock.instant());
        }
        return moved;
    }
}
