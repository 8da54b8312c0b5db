package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationQueries;
import org.goalpost.donation.DonationRow;
import org.goalpost.donation.Donations;
import org.goalpost.donation.OfflineGifts;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Pledges;
import org.goalpost.donation.Totals;
import org.goalpost.payment.Refunds;
import org.goalpost.progress.ProgressService;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API, for sites' scripts and automation: API tokens ({@code Authorization: Bearer}),
 * JSON in and out, errors as problem details. Reading needs a STAFF or ADMIN token, changing an
 * ADMIN one (see the security module). Described at {@code /v3/api-docs}.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff", produces = MediaType.APPLICATION_JSON_VALUE)
class StaffApiController {

    /** A campaign to create or replace. Amounts in minor units; instants in ISO-8601. */
    record CampaignBody(
            String slug,
            String title,
            String description,
            String currency,
            String status,
            String period,
            String timeZone,
            Instant startsAt,
            Instant endsAt,
            String countBasis,
            String amountStyle,
            List<TierBody> tiers,
            List<String> embedOrigins,
            String defaultInterval,
            String goalType,
            Boolean lateMoneyShown,
            String countRecurringAs) {

        CampaignDraft draft(String slugInPath) {
            return new CampaignDraft(
                    slugInPath != null && slug == null ? slugInPath : slug,
                    title,
                    description,
                    currency,
                    status,
                    period,
                    timeZone,
                    startsAt,
                    endsAt,
                    countBasis,
                    amountStyle,
                    tiers == null
                            ? null
                            : tiers.stream()
                                    .map(t -> t == null
                                            ? null
                                            : new CampaignDraft.TierDraft(t.amountMinor(), t.label(), t.description()))
                                    .toList(),
                    embedOrigins,
                    defaultInterval,
                    goalType,
                    lateMoneyShown,
                    countRecurringAs);
        }
    }

    record TierBody(Long amountMinor, String label, String description) {}

    record CampaignJson(
            long id,
            String slug,
            String title,
            String status,
            String currency,
            String period,
            String timeZone,
            List<TierBody> tiers,
            List<String> embedOrigins,
            String defaultInterval,
            String goalType,
            boolean lateMoneyShown,
            String countRecurringAs,
            Instant updatedAt) {

        static CampaignJson of(Campaign c) {
            return new CampaignJson(
                    c.id(),
                    c.slug(),
                    c.title(),
                    c.status().name().toLowerCase(),
                    c.currency().getCurrencyCode(),
                    c.periodKind().name().toLowerCase(),
                    c.timeZone().getId(),
                    c.tiers().asList().stream()
                            .map(t -> new TierBody(t.amountMinor(), t.label(), t.description()))
                            .toList(),
                    c.embedOrigins().asList(),
                    c.defaultInterval(),
                    c.goalType().word(),
                    c.lateMoneyShown(),
                    c.countRecurringAs().word(),
                    c.updatedAt());
        }
    }

    record TotalsJson(
            String campaign,
            String period,
            boolean livemode,
            String currency,
            long raisedMinor,
            long grossMinor,
            long feesMinor,
            long netMinor,
            long refundedMinor,
            long disputedMinor,
            long adjustedMinor,
            long donations,
            long donors,
            long committedMonthlyMinor,
            long committedYearlyMinor,
            String goalType,
            long progress,
            long pledgedMinor) {}

    record DonationsJson(List<DonationRow> items, String next) {}

    record GiftBody(
            Long amountMinor, String method, String donorName, String donorEmail, LocalDate receivedOn, String note) {}

    record GiftJson(String donationId, long amountMinor, String currency) {}

    record RefundBody(Long amountMinor) {}

    private final Campaigns campaigns;
    private final Totals totals;
    private final Donations donations;
    private final DonationQueries queries;
    private final OfflineGifts gifts;
    private final Refunds refunds;
    private final AuditLog audit;
    private final AppMode appMode;

    private final ProgressService progress;
    private final Pledges pledges;

    StaffApiController(
            Campaigns campaigns,
            Totals totals,
            Donations donations,
            DonationQueries queries,
            OfflineGifts gifts,
            Refunds refunds,
            AuditLog audit,
            AppMode appMode,
            ProgressService progress,
            Pledges pledges) {
        this.progress = progress;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.totals = totals;
        this.donations = donations;
        this.queries = queries;
        this.gifts = gifts;
        this.refunds = refunds;
        this.audit = audit;
        this.appMode = appMode;
    }

    @GetMapping("/campaigns")
    List<CampaignJson> campaigns() {
        return campaigns.findAll().stream().map(CampaignJson::of).toList();
    }

    @PostMapping(path = "/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CampaignJson> create(@RequestBody CampaignBody body) {
        Campaign created = campaigns.create(body.draft(null));
        audit.record("campaign.created", created.slug(), "via API");
        return ResponseEntity.status(HttpStatus.CREATED).body(CampaignJson.of(created));
    }

    @PutMapping(path = "/campaigns/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CampaignJson update(@PathVariable String slug, @RequestBody CampaignBody body) {
        Campaign updated = campaigns.update(slug, body.draft(slug));
        audit.record("campaign.updated", updated.slug(), "via API");
        return CampaignJson.of(updated);
    }

    /**
     * A period's figures ({@code ?period=YYYY-MM}; the current one when absent), of live or test money ({@code
     * ?mode=}).
     */
    @GetMapping("/campaigns/{slug}/totals")
    TotalsJson totals(
            @PathVariable String slug,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String mode) {
        Campaign campaign = campaign(slug);
        boolean live = live(mode);
        PeriodKey key;
        try {
            key = period == null || period.isBlank()
                    ? campaign.periodAt(Instant.now()).key()
                    : PeriodKey.parse(period.strip());
            campaign.period(key);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MalformedInputException(
                    "period", "must be YYYY-MM for a monthly campaign, ALL (or nothing) otherwise");
        }
        PeriodTotals t = totals.of(campaign, key, live);
        return new TotalsJson(
                campaign.slug(),
                key.value(),
                live,
                t.currency().getCurrencyCode(),
                t.raisedMinor(),
                t.grossMinor(),
                t.feesMinor(),
                t.netMinor(),
                t.refundedMinor(),
                t.disputedMinor(),
                t.adjustedMinor(),
                t.donationCount(),
                t.donorCount(),
                donations.committedMonthly(campaign.id(), live),
                donations.committedYearly(campaign.id(), live),
                campaign.goalType().word(),
                progress.of(campaign, key, live).progress().raisedMinor(),
                pledges.of(campaign, key, live).totalMinor());
    }

    /** Donations, newest first, 50 a page by default (at most 200), paged by the {@code next} cursor. */
    @GetMapping("/donations")
    DonationsJson donations(
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        DonationFilter filter = new DonationFilter(campaign, status, interval, mode, from, to, q);
        DonationQueries.Page page = queries.page(filter.criteria(campaigns, appMode.isLive()), cursor, size);
        return new DonationsJson(page.rows(), page.next());
    }

    @PostMapping(path = "/campaigns/{slug}/offline-gifts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<GiftJson> offlineGift(
            @PathVariable String slug,
            @RequestBody GiftBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Campaign campaign = campaign(slug);
        OfflineGifts.Recorded recorded = gifts.recordOnce(
                campaign,
                new OfflineGifts.Entry(
                        body.amountMinor(),
                        body.method(),
                        body.donorName(),
                        body.donorEmail(),
                        body.receivedOn(),
                        body.note()),
                AuditLog.currentActor(),
                key);
        Donation gift = recorded.gift();
        if (recorded.repeated()) {
            return ResponseEntity.ok(new GiftJson(
                    gift.publicId(), gift.amount().minor(), gift.amount().currencyCode()));
        }
        audit.record(
                "offline_gift.recorded",
                gift.publicId(),
                campaign.slug() + " " + gift.amount() + " " + body.method() + " via API");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new GiftJson(
                        gift.publicId(), gift.amount().minor(), gift.amount().currencyCode()));
    }

    /** Asks the gateway to refund (in full when no amount): 202, the totals change when the refund is confirmed. */
    @PostMapping(path = "/donations/{id}/refunds")
    ResponseEntity<Refunds.Requested> refund(
            @PathVariable String id,
            @RequestBody(required = false) RefundBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Donation donation = donations.findByPublicId(id).orElseThrow(() -> new NotFoundException("No donation " + id));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(refunds.request(donation.id(), body == null ? null : body.amountMinor(), key));
    }

    private boolean live(String mode) {
        return live(mode, appMode);
    }

    /** {@code ?mode=}: live or test money; the app's own mode when absent; anything else a 400 naming it. */
    static boolean live(String mode, AppMode appMode) {
        if (mode == null || mode.isBlank()) {
            return appMode.isLive();
        }
        return switch (mode.strip()) {
            case "live" -> true;
            case "test" -> false;
            default -> throw new MalformedInputException("mode", "must be live or test");
        };
    }

    private Campaign campaign(String slug) {
        return campaign(campaigns, slug);
    }

    /** A campaign by slug; a 404 when there is none. */
    static Campaign campaign(Campaigns campaigns, String slug) {
        return campaigns.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }
}
