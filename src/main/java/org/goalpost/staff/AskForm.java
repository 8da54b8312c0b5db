package org.goalpost.staff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskDraft;
import org.goalpost.campaign.AskRules;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * The ask page's form: the headline, the accent colour, and per frequency {@link AskRules#MAX_AMOUNTS} rows of an
 * amount in major units ({@code 25} or {@code 25.50}; blank rows are left out) and its impact line, with the index of
 * the preselected row.
 */
class AskForm {

    private String headline;
    private String accent;
    private Map<String, List<Row>> rows = new LinkedHashMap<>();
    private Map<String, String> preselected = new LinkedHashMap<>();

    /** One amount as typed. */
    public static class Row {
        private String amount;
        private String impact;

        public Row() {}

        Row(String amount, String impact) {
            this.amount = amount;
            this.impact = impact;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getImpact() {
            return impact;
        }

        public void setImpact(String impact) {
            this.impact = impact;
        }
    }

    public AskForm() {
        for (String frequency : CampaignRules.INTERVALS) {
            rows.put(frequency, new ArrayList<>());
        }
        pad();
    }

    /** The form for a campaign's ask as staff last set it (its currency writes the amounts). */
    static AskForm of(Ask ask, Currency currency) {
        AskForm form = new AskForm();
        form.headline = ask.headline();
        form.accent = ask.accent();
        for (String frequency : CampaignRules.INTERVALS) {
            List<Ask.AskAmount> amounts = ask.amounts(frequency);
            List<Row> typed = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                Ask.AskAmount a = amounts.get(i);
                typed.add(new Row(
                        Money.of(a.amountMinor(), currency)
                                .toMajor()
                                .stripTrailingZeros()
                                .toPlainString(),
                        a.impact()));
                if (a.preselected()) {
                    form.preselected.put(frequency, String.valueOf(i));
                }
            }
            form.rows.put(frequency, typed);
        }
        form.pad();
        return form;
    }

    private void pad() {
        for (String frequency : CampaignRules.INTERVALS) {
            List<Row> list = rows.computeIfAbsent(frequency, f -> new ArrayList<>());
            while (list.size() < AskRules.MAX_AMOUNTS) {
                list.add(new Row());
            }
        }
    }

    /**
     * The draft this form makes; an amount that is not a number is named by the field the rules would name.
     *
     * @throws InvalidInputException for amounts that cannot be read
     */
    AskDraft toDraft(Currency currency) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, List<AskDraft.AmountDraft>> amounts = new LinkedHashMap<>();
        for (String frequency : CampaignRules.INTERVALS) {
            List<AskDraft.AmountDraft> drafts = new ArrayList<>();
            List<Row> typed = rows.getOrDefault(frequency, List.of());
            for (int i = 0; i < typed.size(); i++) {
                Row row = typed.get(i);
                boolean noAmount = row == null || row.amount == null || row.amount.isBlank();
                if (noAmount && (row == null || row.impact == null || row.impact.isBlank())) {
                    continue;
                }
                Long minor = null;
                if (!noAmount) {
                    try {
                        minor = Money.ofMajor(
                                        new BigDecimal(row.amount.strip().replace(",", "")).toPlainString(), currency)
                                .minor();
                    } catch (RuntimeException e) {
                        problems.add(new FieldProblem(
                                "amounts." + frequency + "[" + drafts.size() + "].amountMinor",
                                "write the amount as a number, such as 25 or 25.50"));
                        continue;
                    }
                }
                drafts.add(new AskDraft.AmountDraft(
                        minor, row.impact, String.valueOf(i).equals(preselected.get(frequency))));
            }
            amounts.put(frequency, drafts);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AskDraft(headline, accent, amounts);
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getAccent() {
        return accent;
    }

    public void setAccent(String accent) {
        this.accent = accent;
    }

    public Map<String, List<Row>> getRows() {
        return rows;
    }

    public void setRows(Map<String, List<Row>> rows) {
        this.rows = rows;
    }

    public Map<String, String> getPreselected() {
        return preselected;
    }

    public void setPreselected(Map<String, String> preselected) {
        this.preselected = preselected;
    }
}
