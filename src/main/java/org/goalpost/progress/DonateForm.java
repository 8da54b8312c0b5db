package org.goalpost.progress;

import java.util.Currency;
import java.util.Locale;
import org.goalpost.attribution.Attribution;
import org.goalpost.attribution.AttributionDraft;
import org.goalpost.attribution.AttributionRules;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationRequest;
import org.goalpost.shared.money.TypedAmount;

/**
 * The donate form as typed: a preset amount (in minor units) or {@code custom} with an amount in
 * major units ({@code 25} or {@code 25.50}), once, every month or every year, and the donor's optional
 * details.
 */
class DonateForm {

    private String amount;
    private String customAmount;
    private String interval = "once";
    private String name;
    private String email;
    private String message;
    private boolean anonymous;
    private boolean coverFees;
    private boolean showAmount;
    private String requestKey;
    private String page;
    private String placement;
    private String variant;
    private String utmSource;
    private String utmMedium;
    private String utmCampaign;

    /** Where the reader came from, as the form carries it (from the widget's link into hidden fields). */
    AttributionDraft attribution() {
        return new AttributionDraft(page, placement, variant, utmSource, utmMedium, utmCampaign);
    }

    /** Carries an attribution into the form's hidden fields. */
    void carry(Attribution a) {
        page = a.page();
        placement = a.placement();
        variant = a.variant();
        utmSource = a.utmSource();
        utmMedium = a.utmMedium();
        utmCampaign = a.utmCampaign();
    }

    /**
     * The attribution the form carries, normalised, or null when it carries none or one that breaks a rule (a
     * reader is never refused a gift for what a link put in hidden fields).
     */
    Attribution checkedAttribution() {
        AttributionDraft draft = attribution();
        if (draft.isEmpty()) {
            return null;
        }
        try {
            return AttributionRules.check(draft, "");
        } catch (org.goalpost.shared.web.InvalidInputException e) {
            return null;
        }
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getPlacement() {
        return placement;
    }

    public void setPlacement(String placement) {
        this.placement = placement;
    }

    public String getVariant() {
        return variant;
    }

    public void setVariant(String variant) {
        this.variant = variant;
    }

    public String getUtmSource() {
        return utmSource;
    }

    public void setUtmSource(String utmSource) {
        this.utmSource = utmSource;
    }

    public String getUtmMedium() {
        return utmMedium;
    }

    public void setUtmMedium(String utmMedium) {
        this.utmMedium = utmMedium;
    }

    public String getUtmCampaign() {
        return utmCampaign;
    }

    public void setUtmCampaign(String utmCampaign) {
        this.utmCampaign = utmCampaign;
    }

    /**
     * An empty form offering {@code interval} first when it names one ({@code once}, {@code month},
     * {@code year}: a link from the widget or an article may ask), otherwise the campaign's default.
     */
    static DonateForm offering(Campaign campaign, String interval) {
        return offering(campaign, interval, null);
    }

    /** The same, with the first frequency of the variant shown (null: the campaign's) when no link asks. */
    static DonateForm offering(Campaign campaign, String interval, String variantInterval) {
        DonateForm form = new DonateForm();
        form.interval = DonationInterval.fromWord(interval)
                .map(DonationInterval::word)
                .orElse(variantInterval != null ? variantInterval : campaign.defaultInterval());
        return form;
    }

    /**
     * The request this form makes, or null for the amount when it cannot be read as money of
     * this currency (the policy then reports the amount as missing).
     */
    DonationRequest toRequest(Currency currency, Locale locale) {
        return new DonationRequest(
                amountMinor(currency, locale), interval, name, email, anonymous, message, coverFees, showAmount);
    }

    boolean amountUnreadable(Currency currency, Locale locale) {
        return "custom".equals(amount)
                && customAmount != null
                && !customAmount.isBlank()
                && amountMinor(currency, locale) == null;
    }

    /** The amount chosen: a preset (minor units) or as typed in the reader's language. */
    private Long amountMinor(Currency currency, Locale locale) {
        if ("custom".equals(amount) || amount == null || amount.isBlank()) {
            return TypedAmount.minor(customAmount, currency, locale);
        }
        try {
            return Long.parseLong(amount.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCustomAmount() {
        return customAmount;
    }

    public void setCustomAmount(String customAmount) {
        this.customAmount = customAmount;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isShowAmount() {
        return showAmount;
    }

    public void setShowAmount(boolean showAmount) {
        this.showAmount = showAmount;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    /** A key made when the form is shown: submitting the same form twice opens one checkout. */
    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public boolean isCoverFees() {
        return coverFees;
    }

    public void setCoverFees(boolean coverFees) {
        this.coverFees = coverFees;
    }
}
