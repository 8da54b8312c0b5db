package org.goalpost.receipt;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.shared.money.MoneyFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the emails: subject and plain-text body, from the texts in {@code messages*.properties},
 * with amounts and dates in the donor's locale and the campaign's time zone, and the
 * organisation's name, address and tax id from {@link ReceiptProperties}.
 */
@Component
class ReceiptMails {

    /** A written email. */
    record Written(String subject, String body) {}

    private final MessageSource messages;
    private final ReceiptProperties organisation;
    private final String publicUrl;
    private final ObjectProvider<CardLinks> cardLinks;

    ReceiptMails(
            MessageSource messages,
            ReceiptProperties organisation,
            PaymentProperties payments,
            ObjectProvider<CardLinks> cardLinks) {
        this.messages = messages;
        this.organisation = organisation;
        this.publicUrl = payments.publicUrl();
        this.cardLinks = cardLinks;
    }

    Written write(Outbox.Mail mail, Donation donation, Campaign campaign, Locale locale) {
        String amount = MoneyFormatter.format(mail.amount(), locale, campaign.amountStyle());
        ZoneId zone = campaign.timeZone();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(mail.occurredAt().atZone(zone));
        StringBuilder body = new StringBuilder();
        body.append(
                        donation.donorName() != null && !donation.donorName().isBlank()
                                ? text("mail.greeting.named", locale, donation.donorName())
                                : text("mail.greeting.anonymous", locale))
                .append("\n\n");
        String subject;
        switch (mail.kind()) {
            case RECEIPT -> {
                subject = text("mail.receipt.subject", locale, amount, campaign.title());
                body.append(text("mail.receipt.thanks", locale)).append("\n\n");
                line(body, text("mail.amount", locale), amount);
                line(body, text("mail.date", locale), date);
                line(body, text("mail.campaign", locale), campaign.title());
                line(body, text("mail.receipt-number", locale), mail.sourceRef());
                line(body, text("mail.donation", locale), donation.publicId());
                if (donation.isRecurring()) {
                    body.append('\n')
                            .append(text("mail.receipt." + donation.interval().word(), locale))
                            .append('\n')
                            .append(manage(locale))
                            .append('\n');
                }
            }
            case INSTALMENT_FAILED -> {
                subject = text(
                        "mail.instalment-failed.subject." + donation.interval().word(), locale, campaign.title());
                body.append(text(
                                "mail.instalment-failed.body."
                                        + donation.interval().word(),
                                locale))
                        .append("\n\n");
                line(body, text("mail.amount", locale), amount);
                line(body, text("mail.campaign", locale), campaign.title());
                line(body, text("mail.donation", locale), donation.publicId());
                CardLinks links = cardLinks.getIfAvailable();
                if (links != null) {
                    body.append('\n')
                            .append(text("mail.instalment-failed.card", locale, links.validDays()))
                            .append('\n')
                            .append(links.issue(donation.id(), locale))
                            .append('\n');
                }
            }
            case RENEWAL_REMINDER -> {
                subject = text("mail.renewal.subject", locale, campaign.title(), date);
                body.append(text("mail.renewal.body", locale, date)).append("\n\n");
                line(body, text("mail.amount", locale), amount);
                line(body, text("mail.renewal.date", locale), date);
                line(body, text("mail.campaign", locale), campaign.title());
                line(body, text("mail.donation", locale), donation.publicId());
                body.append('\n').append(manage(locale)).append('\n');
            }
            case REFUND -> {
                subject = text("mail.refund.subject", locale, amount);
                body.append(text("mail.refund.body", locale)).append("\n\n");
                line(body, text("mail.refund.amount", locale), amount);
                line(body, text("mail.date", locale), date);
                line(body, text("mail.campaign", locale), campaign.title());
                line(body, text("mail.donation", locale), donation.publicId());
            }
            default -> throw new IllegalStateException("No email for " + mail.kind());
        }
        body.append('\n')
                .append(text("mail.signature", locale))
                .append('\n')
                .append(organisation.organisationName())
                .append('\n');
        if (organisation.organisationAddress() != null
                && !organisation.organisationAddress().isBlank()) {
            body.append(organisation.organisationAddress().replace("\\n", "\n").strip())
                    .append('\n');
        }
        if (organisation.taxId() != null && !organisation.taxId().isBlank()) {
            body.append(text("mail.organisation.tax-id", locale))
                    .append(": ")
                    .append(organisation.taxId())
                    .append('\n');
        }
        return new Written(subject, body.toString());
    }

    /** Where a donor changes or cancels a recurring donation (asks for a sign-in link). */
    private String manage(Locale locale) {
        return text("mail.receipt.manage", locale, publicUrl + "/donors/manage?lang=" + locale.getLanguage());
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(label).append(": ").append(value).append('\n');
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
