package org.goalpost.staff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.AskDraft;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.campaign.ExperimentDraft;
import org.goalpost.campaign.ExperimentRules;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * The ask page's form to start an experiment: a name and up to four variants, each a key, a share in percent, a
 * headline, the first frequency and its amounts per frequency typed as {@code 10, 25*, 50} (major units; the star
 * preselects; empty: the campaign's own). Rows without a key are left out.
 */
class ExperimentForm {

    private String name;
    private List<Row> variants = new ArrayList<>();

    /** One variant as typed. */
    public static class Row {
        private String key;
        private String share;
        private String headline;
        private String first = "once";
        private Map<String, String> amounts = new LinkedHashMap<>();

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getShare() {
            return share;
        }

        public void setShare(String share) {
            this.share = share;
        }

        public String getHeadline() {
            return headline;
        }

        public void setHeadline(String headline) {
            this.headline = headline;
        }

        public String getFirst() {
            return first;
        }

        public void setFirst(String first) {
            this.first = first;
        }

        public Map<String, String> getAmounts() {
            return amounts;
        }

        public void setAmounts(Map<String, String> amounts) {
            this.amounts = amounts;
        }
    }

    ExperimentForm() {
        for (int i = 0; i < ExperimentRules.MAX_VARIANTS; i++) {
            Row row = new Row();
            CampaignRules.INTERVALS.forEach(f -> row.amounts.put(f, ""));
            variants.add(row);
        }
        variants.get(0).key = "a";
        variants.get(1).key = "b";
        variants.get(0).share = "50";
        variants.get(1).share = "50";
    }

    /**
     * The draft this form makes; an amount list that cannot be read is named as the rules name amounts.
     *
     * @throws InvalidInputException for what cannot be read
     */
    ExperimentDraft toDraft(Currency currency) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ExperimentDraft.VariantDraft> drafts = new ArrayList<>();
        for (Row row : variants) {
            if (row == null || row.key == null || row.key.isBlank()) {
                continue;
            }
            String at = "variants[" + drafts.size() + "].";
            Integer share = null;
            try {
                share = row.share == null || row.share.isBlank() ? null : Integer.valueOf(row.share.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(at + "sharePercent", "write a whole number of percent, such as 50"));
            }
            Map<String, List<AskDraft.AmountDraft>> amounts = new LinkedHashMap<>();
            for (String frequency : CampaignRules.INTERVALS) {
                String typed = row.amounts == null ? null : row.amounts.get(frequency);
                if (typed == null || typed.isBlank()) {
                    continue;
                }
                List<AskDraft.AmountDraft> list = new ArrayList<>();
                for (String part : typed.split(",")) {
                    String amount = part.strip();
                    boolean star = amount.endsWith("*");
                    try {
                        list.add(new AskDraft.AmountDraft(
                                Money.ofMajor(
                                                new BigDecimal(star ? amount.substring(0, amount.length() - 1) : amount)
                                                        .toPlainString(),
                                                currency)
                                        .minor(),
                                null,
                                star));
                    } catch (RuntimeException e) {
                        problems.add(new FieldProblem(
                                at + "amounts." + frequency, "write amounts as 10, 25*, 50 (the star preselects)"));
                        break;
                    }
                }
                amounts.put(frequency, list);
            }
            drafts.add(new ExperimentDraft.VariantDraft(row.key, share, row.headline, row.first, amounts));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ExperimentDraft(name, drafts);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Row> getVariants() {
        return variants;
    }

    public void setVariants(List<Row> variants) {
        this.variants = variants;
    }
}
