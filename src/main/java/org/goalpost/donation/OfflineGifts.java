package org.goalpost.donation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.text.Sha256;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Gifts received outside the payment gateway (cash, cheque, bank transfer), entered by an admin:
 * each is a donation and a ledger row of its own kind, recorded with who entered it, in the app's
 * mode (so that a test-mode install can rehearse with them). A gift once recorded is never edited:
 * it is corrected by a reversing row.
 */
@Service
public class OfflineGifts {

    /** A gift as entered. {@code receivedOn} defaults to today in the campaign's time zone. */
    public record Entry(
            Long amountMinor, String method, String donorName, String donorEmail, LocalDate receivedOn, String note) {}

    private final Donations donations;
    private final Ledger ledger;
    private final Transactions transactions;
    private final AppMode mode;
    private final Clock clock;

    OfflineGifts(Donations donations, Ledger ledger, Transactions transactions, AppMode mode, Clock clock) {
        this.donations = donations;
        this.ledger = ledger;
        this.transactions = transactions;
        this.mode = mode;
        this.clock = clock;
    }

    /**
     * A gift recorded, or found again: {@code repeated} when its request key had recorded it before (a double
     * submit).
     */
    public record Recorded(Donation gift, boolean repeated) {}

    /**
     * Records a gift once per request key (the form's hidden key, the API's {@code Idempotency-Key}):
     * a second submit with the same key finds the first gift and writes nothing.
     *
     * @throws InvalidInputException naming each wrong field; nothing is written
     */
    public Recorded recordOnce(Campaign campaign, Entry entry, String actor, String requestKey) {
        String key =
                requestKey == null || requestKey.isBlank() ? null : Sha256.hex("offline-gift:" + requestKey.strip());
        Optional<Donation> earlier = donations.findByRequestKey(key);
        if (earlier.isPresent()) {
            return new Recorded(earlier.get(), true);
        }
        return record(campaign, entry, actor, key);
    }

    /** @throws InvalidInputException naming each wrong field; nothing is written */
    public Donation record(Campaign campaign, Entry entry, String actor) {
        return record(campaign, entry, actor, null).gift();
    }

    private Recorded record(Campaign campaign, Entry entry, String actor, String requestKey) {
        List<FieldProblem> problems = new ArrayList<>();
        if (entry.amountMinor() == null || entry.amountMinor() <= 0 || entry.amountMinor() > 1_000_000_000_000L) {
            problems.add(new FieldProblem("amountMinor", "must be a positive amount in minor units"));
        }
        String method = entry.method() == null ? "" : entry.method().strip().toLowerCase(Locale.ROOT);
        if (!List.of("cash", "cheque", "bank_transfer").contains(method)) {
            problems.add(new FieldProblem("method", "must be cash, cheque or bank_transfer"));
        }
        LocalDate today = LocalDate.now(clock.withZone(campaign.timeZone()));
        LocalDate received = entry.receivedOn() == null ? today : entry.receivedOn();
        if (received.isAfter(today)) {
            problems.add(new FieldProblem("receivedOn", "cannot be in the future"));
        }
        String email = blank(entry.donorEmail());
        if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("donorEmail", "is not an email address"));
        }
        String name = blank(entry.donorName());
        if (name != null && name.length() > DonationPolicy.MAX_NAME) {
            problems.add(new FieldProblem("donorName", "is longer than " + DonationPolicy.MAX_NAME + " characters"));
        } else if (!PlainText.isLine(name)) {
            problems.add(new FieldProblem(
                    "donorName", "may hold letters, digits and punctuation on one line, nothing else"));
        }
        String note = blank(entry.note());
        if (note != null && note.length() > 400) {
            problems.add(new FieldProblem("note", "is longer than 400 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant at = received.atTime(LocalTime.NOON).atZone(campaign.timeZone()).toInstant();
        return transactions.inTransaction(() -> {
            Money amount = campaign.money(entry.amountMinor());
            // a concurrent submit with the same key finds the first donation here, and its ledger row already recorded
            Donation donation = donations.open(
                    new NewDonation(
                            campaign.id(),
                            DonationChannel.OFFLINE,
                            new NewDonation.Charge(DonationInterval.ONCE, amount, amount, false, mode.isLive()),
                            new NewDonation.Giver(name, email, name == null, null, false),
                            requestKey,
                            null),
                    DonationStatus.SUCCEEDED);
            boolean recorded = ledger.record(
                            campaign,
                            new LedgerEntry(
                                    LedgerKind.OFFLINE_GIFT,
                                    amount,
                                    0,
                                    "offline_" + donation.publicId(),
                                    donation.id(),
                                    donation.donorRef(),
                                    mode.isLive(),
                                    at,
                                    PeriodAttribution.forGift(campaign, at),
                                    actor,
                                    method + (note == null ? "" : ": " + note)))
                    .isNew();
            return new Recorded(donation, !recorded);
        });
    }

    /** Corrects a recorded offline gift by an adjustment that takes its amount off, in its period. */
    public void reverse(Campaign campaign, Donation gift, String actor, String reason) {
        if (gift.channel() != DonationChannel.OFFLINE) {
            throw new InvalidInputException(
                    "donation", "only offline gifts are reversed here; use a refund for payments");
        }
        RecordedEntry original = ledger.find(LedgerKind.OFFLINE_GIFT, "offline_" + gift.publicId())
                .orElseThrow(() -> new InvalidInputException("donation", "this gift has no ledger row"));
        if (ledger.find(LedgerKind.ADJUSTMENT, "reverse_" + gift.publicId()).isPresent()) {
            throw new InvalidInputException("donation", "this gift is already reversed");
        }
        String why = blank(reason);
        if (why == null) {
            throw new InvalidInputException("reason", "say why the gift is reversed");
        }
        // a concurrent second reversal meets the ledger's unique key (kind, source) and counts nothing
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.ADJUSTMENT,
                        original.amount().negate(),
                        0,
                        "reverse_" + gift.publicId(),
                        gift.id(),
                        gift.donorRef(),
                        original.livemode(),
                        clock.instant(),
                        PeriodAttribution.forReversal(original.period()),
                        actor,
                        "reverses offline gift: " + (why.length() > 400 ? why.substring(0, 400) : why)));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
