package org.goalpost.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * The campaign editor's form, as typed: amounts in major units ({@code 2500} or {@code 2500.50}),
 * dates as local date-times in the campaign's time zone, one embed origin per line. The tier
 * editor works without JavaScript: add, remove and move buttons submit the form and come back.
 */
class CampaignForm {

    private String slug;
    private String title;
    private String description;
    private String currency = "USD";
    private String status = "draft";
    private String period = "none";
    private String timeZone = "UTC";
    private String startsAt;
    private String endsAt;
    private String countBasis = "gross";
    private String amountStyle = "locale";
    private String embedOrigins;
    private String defaultInterval = "once";
    private String goalType = "raised";
    private boolean lateMoneyShown = true;
    private String countRecurringAs = "paid";
    private List<TierRow> tiers = new ArrayList<>(List.of(new TierRow()));

    /** One tier as typed. */
    public static class TierRow {
        private String amount;
        private String label;
        private String description;

        public TierRow() {}

        TierRow(String amount, String label, String description) {
            this.amount = amount;
            this.label = label;
            this.description = description;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        boolean blank() {
            return isBlank(amount) && isBlank(label) && isBlank(description);
        }
    }

    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.slug = campaign.slug();
        form.title = campaign.title();
        form.description = campaign.description();
        form.currency = campaign.currency().getCurrencyCode();
        form.status = campaign.status().name().toLowerCase();
        form.period = campaign.periodKind().name().toLowerCase();
        form.timeZone = campaign.timeZone().getId();
        form.startsAt = campaign.startsAt() == null
                ? null
                : LocalDateTime.ofInstant(campaign.startsAt(), campaign.timeZone())
                        .toString();
        form.endsAt = campaign.endsAt() == null
                ? null
                : LocalDateTime.ofInstant(campaign.endsAt(), campaign.timeZone())
                        .toString();
        form.countBasis = campaign.countBasis().name().toLowerCase();
        form.amountStyle = campaign.amountStyle().name().toLowerCase().replace('_', '-');
        form.embedOrigins = String.join("\n", campaign.embedOrigins().asList());
        form.defaultInterval = campaign.defaultInterval();
        form.goalType = campaign.goalType().word();
        form.lateMoneyShown = campaign.lateMoneyShown();
        form.countRecurringAs = campaign.countRecurringAs().word();
        form.tiers = new ArrayList<>(campaign.tiers().asList().stream()
                .map(t -> new TierRow(
                        campaign.goalType().isMoney()
                                ? Money.of(t.amountMinor(), campaign.currency())
                                        .toMajor()
                                        .stripTrailingZeros()
                                        .toPlainString()
                                : String.valueOf(t.amountMinor()),
                        t.label(),
                        t.description()))
                .toList());
        return form;
    }

    /** The draft this form makes; amounts and dates that cannot be read are named, as a rule's problems are. */
    CampaignDraft toDraft() {
        List<FieldProblem> problems = new ArrayList<>();
        Currency money = currency();
        ZoneId zone = zone();
        List<CampaignDraft.TierDraft> drafts = new ArrayList<>();
        List<TierRow> rows = tiers.stream().filter(t -> !t.blank()).toList();
        for (int i = 0; i < rows.size(); i++) {
            TierRow row = rows.get(i);
            Long minor = null;
            if (!isBlank(row.amount)) {
                try {
                    String typed = row.amount.strip().replace(",", "");
                    // a donors goal's tiers are counts of donors; the others are amounts of money
                    minor = "donors".equalsIgnoreCase(goalType)
                            ? Long.valueOf(new BigDecimal(typed).longValueExact())
                            : money == null
                                    ? null
                                    : Money.ofMajor(new BigDecimal(typed).toPlainString(), money)
                                            .minor();
                } catch (RuntimeException e) {
                    problems.add(new FieldProblem(
                            "tiers[" + i + "].amountMinor",
                            "donors".equalsIgnoreCase(goalType)
                                    ? "write the number of donors, such as 250"
                                    : "write the amount as a number, such as 2500"));
                    continue;
                }
            }
            drafts.add(new CampaignDraft.TierDraft(minor, row.label, row.description));
        }
        Instant start = instant("startsAt", startsAt, zone, problems);
        Instant end = instant("endsAt", endsAt, zone, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> origins = embedOrigins == null
                ? List.of()
                : Arrays.stream(embedOrigins.split("[\\s,]+"))
                        .filter(o -> !o.isBlank())
                        .toList();
        return new CampaignDraft(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                start,
                end,
                countBasis,
                amountStyle,
                drafts,
                origins,
                defaultInterval,
                goalType,
                lateMoneyShown,
                countRecurringAs);
    }

    /** Applies a tier button: {@code add}, {@code remove:2}, {@code up:1}, {@code down:0}. */
    void applyTierAction(String action) {
        if (action.equals("add")) {
            tiers.add(new TierRow());
            return;
        }
        String[] parts = action.split(":");
        int i = Integer.parseInt(parts[1]);
        if (i < 0 || i >= tiers.size()) {
            return;
        }
        switch (parts[0]) {
            case "remove" -> tiers.remove(i);
            case "up" -> {
                if (i > 0) {
                    tiers.add(i - 1, tiers.remove(i));
                }
            }
            case "down" -> {
                if (i < tiers.size() - 1) {
                    tiers.add(i + 1, tiers.remove(i));
                }
            }
            default -> {}
        }
        if (tiers.isEmpty()) {
            tiers.add(new TierRow());
        }
    }

    private Currency currency() {
        try {
            return Currency.getInstance(currency == null ? "" : currency.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Instant instant(String field, String value, ZoneId zone, List<FieldProblem> problems) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "write a date and time such as 2026-12-01T00:00"));
            return null;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // Bean accessors for the form binding.
    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public String getCountBasis() {
        return countBasis;
    }

    public void setCountBasis(String countBasis) {
        this.countBasis = countBasis;
    }

    public String getAmountStyle() {
        return amountStyle;
    }

    public void setAmountStyle(String amountStyle) {
        this.amountStyle = amountStyle;
    }

    public String getEmbedOrigins() {
        return embedOrigins;
    }

    public void setEmbedOrigins(String embedOrigins) {
        this.embedOrigins = embedOrigins;
    }

    public String getDefaultInterval() {
        return defaultInterval;
    }

    public void setDefaultInterval(String defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    public String getGoalType() {
        return goalType;
    }

    public void setGoalType(String goalType) {
        this.goalType = goalType;
    }

    public boolean isLateMoneyShown() {
        return lateMoneyShown;
    }

    public void setLateMoneyShown(boolean lateMoneyShown) {
        this.lateMoneyShown = lateMoneyShown;
    }

    public String getCountRecurringAs() {
        return countRecurringAs;
    }

    public void setCountRecurringAs(String countRecurringAs) {
        this.countRecurringAs = countRecurringAs;
    }

    public List<TierRow> getTiers() {
        return tiers;
    }

    public void setTiers(List<TierRow> tiers) {
        this.tiers = tiers;
    }
}
