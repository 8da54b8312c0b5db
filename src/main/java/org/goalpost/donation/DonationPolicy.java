package org.goalpost.donation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Whether a donor may give this, now, to this campaign: the campaign takes donations (active
 * and within its dates), the amount is a whole number of minor units within the configured
 * limits, the interval is known, and the texts fit. Checked before anything is written or sent.
 */
@Component
public class DonationPolicy {

    public static final int MAX_MESSAGE = 500;
    public static final int MAX_NAME = 200;

    private final DonationLimits limits;
    private final Clock clock;

    public DonationPolicy(DonationLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public AcceptedDonation check(Campaign campaign, DonationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!campaign.isOpenAt(clock.instant())) {
            problems.add(new FieldProblem("campaign", "this campaign is not taking donations"));
        }
        Money minimum = minimum(campaign);
        Money maximum = maximum(campaign);
        Long amount = request.amountMinor();
        if (amount == null) {
            problems.add(new FieldProblem("amountMinor", "choose or enter an amount"));
        } else if (amount < minimum.minor() || amount > maximum.minor()) {
            problems.add(new FieldProblem("amountMinor", "must be between " + minimum + " and " + maximum));
        }
        DonationInterval interval = interval(request.interval(), problems);
        String name = text(request.name());
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is longer than " + MAX_NAME + " characters"));
        } else if (!PlainText.isLine(name)) {
            problems.add(
                    new FieldProblem("name", "may hold letters, digits and punctuation on one line, nothing else"));
        }
        String email = text(request.email());
        if (email != null && !EmailAddresses.isValid(email)) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        String message = text(request.message());
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            problems.add(new FieldProblem("message", "is longer than " + MAX_MESSAGE + " characters"));
        } else if (!PlainText.isText(message)) {
            problems.add(new FieldProblem("message", "may hold text and line breaks, nothing else"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AcceptedDonation(
                campaign.money(amount),
                interval,
                name,
                email,
                Boolean.TRUE.equals(request.anonymous()),
                message,
                Boolean.TRUE.equals(request.coverFees()),
                Boolean.TRUE.equals(request.showAmount()));
    }

    public Money minimum(Campaign campaign) {
        return Money.ofMajor(limits.minimum().stripTrailingZeros().toPlainString(), campaign.currency());
    }

    public Money maximum(Campaign campaign) {
        return Money.ofMajor(limits.maximum().stripTrailingZeros().toPlainString(), campaign.currency());
    }

    /** The preset amounts the donate form offers, in the campaign's currency. */
    public List<Money> presets(Campaign campaign) {
        return limits.presets().stream()
                .map(p -> Money.ofMajor(p.stripTrailingZeros().toPlainString(), campaign.currency()))
                .filter(p -> p.isAtLeast(minimum(campaign)) && maximum(campaign).isAtLeast(p))
                .toList();
    }

    private static DonationInterval interval(String value, List<FieldProblem> problems) {
        String name = text(value);
        if (name == null) {
            return DonationInterval.ONCE;
        }
        return DonationInterval.fromWord(name).orElseGet(() -> {
            problems.add(new FieldProblem("interval", "must be 'once', 'month' or 'year'"));
            return DonationInterval.ONCE;
        });
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
