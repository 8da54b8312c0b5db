package org.goalpost.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.AskDraft;
import org.goalpost.campaign.AskDraft.AmountDraft;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.CampaignDraft.TierDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.donation.NewDonation;
import org.goalpost.donation.PeriodAttribution;
import org.goalpost.shared.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the box Goalpost is modelled on, once, when the campaign {@code support} does not exist:
 * tiers at 2,500 $ and 5,000 $, and 895 $ raised by demo gifts. The gifts are test-mode money
 * (never live), channel {@code DEMO}, recorded through the ledger like any other money.
 */
@Component
@ConditionalOnProperty(name = "goalpost.demo.enabled", havingValue = "true")
class DemoCampaign implements ApplicationRunner {

    static final String SLUG = "support";
    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    /** Demo gifts in cents: 895 $ in all, from nine donors (two of them gave twice). */
    private static final List<DemoGift> GIFTS = List.of(
            new DemoGift(25_000, "ada@example.org"),
            new DemoGift(15_000, "grace@example.org"),
            new DemoGift(10_000, "ada@example.org"),
            new DemoGift(10_000, "linus@example.org"),
            new DemoGift(7_500, "margaret@example.org"),
            new DemoGift(5_000, null),
            new DemoGift(5_000, "ken@example.org"),
            new DemoGift(4_000, "grace@example.org"),
            new DemoGift(3_000, "barbara@example.org"),
            new DemoGift(2_500, "edsger@example.org"),
            new DemoGift(2_500, "frances@example.org"));

    private record DemoGift(long cents, String email) {}

    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final Donations donations;
    private final Ledger ledger;
    private final Transactions transactions;
    private final Clock clock;

    DemoCampaign(
            Campaigns campaigns,
            DonationPolicy policy,
            Donations donations,
            Ledger ledger,
            Transactions transactions,
            Clock clock) {
        this.campaigns = campaigns;
        this.policy = policy;
        this.donations = donations;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (campaigns.find(SLUG).isPresent()) {
            return;
        }
        transactions.inTransaction(this::seed);
        log.info("Seeded the demo campaign '{}' with {} test-mode gifts (895 $)", SLUG, GIFTS.size());
    }

    private void seed() {
        Campaign campaign = campaigns.create(new CampaignDraft(
                SLUG,
                "Support independent journalism",
                "Our reporting is free for everyone to read. Reader support keeps it that way: every gift, "
                        + "once, monthly or yearly, goes to the newsroom.",
                "USD",
                "active",
                "none",
                "America/New_York",
                null,
                null,
                "gross",
                "symbol-after",
                List.of(
                        new TierDraft(250_000L, "Keep the lights on", "Hosting, tools and the basics of publishing."),
                        new TierDraft(500_000L, "Fund new reporting", "A new investigation, start to finish."))));
        campaign = campaigns.saveAsk(
                SLUG,
                new AskDraft(
                        null,
                        null,
                        Map.of(
                                "once",
                                List.of(
                                        new AmountDraft(1_000L, "Pays for a public records request", null),
                                        new AmountDraft(2_500L, "Pays for an hour of local reporting", true),
                                        new AmountDraft(5_000L, "Keeps the site online for a week", null)),
                                "month",
                                List.of(
                                        new AmountDraft(500L, null, null),
                                        new AmountDraft(1_000L, "A year of it pays for a court reporter's week", true),
                                        new AmountDraft(2_000L, "A year of it funds a month of fact-checking", null)))),
                policy.minimum(campaign).minor(),
                policy.maximum(campaign).minor());
        Instant start = clock.instant().minus(Duration.ofDays(GIFTS.size()));
        for (int i = 0; i < GIFTS.size(); i++) {
            DemoGift gift = GIFTS.get(i);
            Instant at = start.plus(Duration.ofDays(i));
            Donation donation = donations.open(
                    NewDonation.of(
                            campaign.id(),
                            DonationChannel.DEMO,
                            NewDonation.Charge.of(DonationInterval.ONCE, campaign.money(gift.cents()), false),
                            new NewDonation.Giver(null, gift.email(), gift.email() == null, null, false)),
                    DonationStatus.SUCCEEDED);
            ledger.record(
                    campaign,
                    LedgerEntry.gift(
                            LedgerKind.PAYMENT,
                            campaign.money(gift.cents()),
                            0,
                            "demo_" + (i + 1),
                            donation.id(),
                            donation.donorRef(),
                            false,
                            at,
                            PeriodAttribution.forGift(campaign, at)));
        }
    }
}
