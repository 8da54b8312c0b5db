package org.goalpost.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.shared.money.MoneyFormatter;

/**
 * The donate form's ask as the page draws it: the frequencies as tabs (the one the form offers first, then the others
 * in order: once, month, year), each with its amounts as buttons (the chosen one checked: what the reader chose, else
 * the preselected one of the frequency shown), the impact line of the checked amount, and the currency's symbol
 * before or after the "Other" field as the campaign writes amounts.
 */
record AskView(
        String headline,
        String accent,
        List<Frequency> frequencies,
        String impact,
        boolean otherChecked,
        String currencyBefore,
        String currencyAfter) {

    /** One frequency's tab and amounts. */
    record Frequency(String word, boolean selected, List<Choice> choices) {}

    /** One amount button: the value posted (minor units), as shown, its impact line, whether it is checked. */
    record Choice(String value, String label, String impact, boolean preselected, boolean checked) {}

    static AskView of(Ask ask, Campaign campaign, DonateForm form, Locale locale) {
        String interval = CampaignRules.INTERVALS.contains(form.getInterval()) ? form.getInterval() : "once";
        List<String> order = new ArrayList<>();
        order.add(interval);
        CampaignRules.INTERVALS.stream().filter(w -> !w.equals(interval)).forEach(order::add);
        boolean other = "custom".equals(form.getAmount());
        String typed = other ? null : form.getAmount();
        List<Frequency> frequencies = new ArrayList<>();
        String impact = null;
        boolean typedFound = typed != null
                && ask.amounts(interval).stream()
                        .anyMatch(a -> String.valueOf(a.amountMinor()).equals(typed));
        for (String word : order) {
            boolean shown = word.equals(interval);
            List<Choice> choices = new ArrayList<>();
            for (Ask.AskAmount amount : ask.amounts(word)) {
                String value = String.valueOf(amount.amountMinor());
                boolean checked = shown && !other && (typedFound ? value.equals(typed) : amount.preselected());
                if (checked) {
                    impact = amount.impact();
                }
                choices.add(new Choice(
                        value,
                        MoneyFormatter.format(campaign.money(amount.amountMinor()), locale, campaign.amountStyle()),
                        amount.impact(),
                        amount.preselected(),
                        checked));
            }
            frequencies.add(new Frequency(word, shown, List.copyOf(choices)));
        }
        String sample = MoneyFormatter.format(campaign.money(0), locale, campaign.amountStyle());
        int first = firstDigit(sample);
        int last = lastDigit(sample);
        return new AskView(
                ask.headline(),
                ask.accent(),
                List.copyOf(frequencies),
                impact,
                other,
                sample.substring(0, first).strip(),
                sample.substring(last + 1).strip());
    }

    private static int firstDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    private static int lastDigit(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isDigit(text.charAt(i))) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
