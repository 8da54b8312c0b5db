package org.goalpost.payment;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.goalpost.attribution.Attribution;
import org.goalpost.attribution.Attributions;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.AcceptedDonation;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.donation.DonationRequest;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.NewDonation;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Starts a donation: checks it ({@link DonationPolicy}: nothing is written or sent when it is
 * refused), writes the pending donation, then opens the gateway's checkout with an idempotency key
 * derived from that donation. A request key (the form's hidden key, or the API's
 * {@code Idempotency-Key} header) makes a double submit find the first donation and its checkout.
 */
@Service
public class CheckoutService {

    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final Donations donations;
    private final PaymentGateway gateway;
    private final FeeModel fees;
    private final AppMode mode;
    private final PaymentProperties properties;
    private final CheckoutRateLimits limits;
    private final Captcha captcha;

    private final Attributions attributions;

    CheckoutService(
            Campaigns campaigns,
            DonationPolicy policy,
            Donations donations,
            PaymentGateway gateway,
            FeeModel fees,
            AppMode mode,
            PaymentProperties properties,
            CheckoutRateLimits limits,
            Captcha captcha,
            Attributions attributions) {
        this.attributions = attributions;
        this.campaigns = campaigns;
        this.policy = policy;
        this.donations = donations;
        this.gateway = gateway;
        this.fees = fees;
        this.mode = mode;
        this.properties = properties;
        this.limits = limits;
        this.captcha = captcha;
    }

    /** Where the donor goes next. */
    public record Started(String donationId, String checkoutUrl) {}

    /**
     * @param requestKey optional; the same key returns the same donation and checkout
     * @param clientAddress who asks, for the rate limits and the person check (a repeat of a request key is not
     * counted again)
     * @param captchaToken the person check's token from the form or the API, when the donor was shown the check
     * @param locale the donor's language, for their emails
     * @param attribution where the checkout came from (page, placement, variant, utm fields), or null
     * @throws org.goalpost.shared.web.InvalidInputException when the policy refuses the donation (nothing
     * written, no gateway call)
     * @throws org.goalpost.shared.web.TooManyRequestsException when a rate limit refuses it (nothing written,
     * no gateway call)
     * @throws org.goalpost.shared.web.ChallengeRequiredException when the person check is needed and was not
     * passed (likewise)
     * @throws org.goalpost.shared.web.UpstreamFailureException when the gateway failed; the donor may try again
     */
    public Started start(
            String slug,
            DonationRequest request,
            String requestKey,
            String clientAddress,
            String captchaToken,
            Locale locale,
            Attribution attribution) {
        String key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        boolean repeat = key != null && donations.findByRequestKey(key).isPresent();
        // limited before anything else is looked at (the campaign, the policy): a flood of invalid requests is refused
        // as cheaply
        // as valid ones
        if (!repeat) {
            limits.admit(clientAddress);
        }
        Campaign campaign = campaigns.findPublic(slug);
        AcceptedDonation accepted = policy.check(campaign, request);
        if (!repeat) {
            captcha.admit(clientAddress, captchaToken);
        }
        Money charged = accepted.coverFees() ? fees.grossUp(accepted.amount()) : accepted.amount();
        Donation donation = donations.open(
                new NewDonation(
                        campaign.id(),
                        channel(),
                        new NewDonation.Charge(
                                accepted.interval(), charged, accepted.amount(), accepted.coverFees(), mode.isLive()),
                        new NewDonation.Giver(
                                accepted.name(),
                                accepted.email(),
                                accepted.anonymous(),
                                accepted.message(),
                                accepted.showAmount()),
                        key,
                        locale == null ? null : locale.toLanguageTag()),
                DonationStatus.PENDING);
        if (!sameRequest(donation, campaign, charged, accepted)) {
            throw new InvalidInputException(
                    requestKey == null ? "request" : "Idempotency-Key",
                    "was already used for a different donation; use a new key for a new donation");
        }
        // stored once with the donation (a repeated request keeps the first); its money is attributed through the
        // ledger
        attributions.record(donation.id(), campaign.id(), attribution);
        if (donation.checkoutUrl() != null) {
            return new Started(donation.publicId(), donation.checkoutUrl());
        }
        String base = properties.publicUrl() + "/campaigns/" + campaign.slug();
        CheckoutSession session = gateway.openCheckout(new CheckoutRequest(
                donation,
                campaign,
                base + "/thanks?donation=" + donation.publicId(),
                base + "?canceled=" + donation.publicId(),
                "goalpost-checkout-" + donation.publicId()));
        donations.attachCheckout(donation, session.id(), session.url(), session.expiresAt());
        return new Started(donation.publicId(), session.url());
    }

    /** The person check this address is to pass before its next checkout, if any (shown with the form). */
    public Optional<CaptchaChallenge> captchaFor(String clientAddress) {
        return captcha.challengeFor(clientAddress);
    }

    /** A request key found an earlier donation: it must be the same request, or the key was reused. */
    private static boolean sameRequest(Donation donation, Campaign campaign, Money charged, AcceptedDonation accepted) {
        return donation.campaignId() == campaign.id()
                && donation.amount().equals(charged)
                && donation.interval() == accepted.interval()
                && Objects.equals(donation.donorEmail(), accepted.email());
    }

    private DonationChannel channel() {
        return "stripe".equals(gateway.name()) ? DonationChannel.STRIPE : DonationChannel.TEST_GATEWAY;
    }
}
