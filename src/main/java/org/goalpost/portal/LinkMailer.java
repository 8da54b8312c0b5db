package org.goalpost.portal;

import java.util.List;
import java.util.Locale;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.receipt.DonorMail;
import org.goalpost.shared.text.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends a manage link to an address that has a monthly donation, on a thread of its own: the
 * request is answered at once and the same way whether or not the address is a donor's (no
 * difference in content or in time). Nothing is sent to an address without a monthly donation.
 */
@Component
class LinkMailer {

    private static final Logger log = LoggerFactory.getLogger(LinkMailer.class);

    private final DonorMail mail;
    private final Donations donations;
    private final DonorLinks links;
    private final MessageSource messages;
    private final String publicUrl;
    private final TaskExecutor background;

    LinkMailer(
            DonorMail mail,
            Donations donations,
            DonorLinks links,
            MessageSource messages,
            PaymentProperties payments,
            @Qualifier("applicationTaskExecutor") TaskExecutor background) {
        this.background = background;
        this.mail = mail;
        this.donations = donations;
        this.links = links;
        this.messages = messages;
        this.publicUrl = payments.publicUrl();
    }

    /** Whether links can be sent at all (SMTP configured). */
    boolean available() {
        return mail.enabled();
    }

    void requested(String email, Locale locale) {
        background.execute(() -> send(email, locale));
    }

    private void send(String email, Locale locale) {
        try {
            List<Donation> monthly = donations.recurringOf(email);
            if (monthly.isEmpty()) {
                return;
            }
            // sent to the address the donation holds (the same, exactly, as the one typed: see Donations.recurringOf)
            String stored = EmailAddresses.normalise(monthly.get(0).donorEmail());
            String url = publicUrl + "/donors/manage/" + links.issue(stored) + "?lang=" + locale.getLanguage();
            String organisation = mail.organisationName();
            mail.send(
                    stored,
                    messages.getMessage("portal.mail.subject", new Object[] {organisation}, locale),
                    messages.getMessage("mail.greeting.anonymous", null, locale) + "\n\n"
                            + messages.getMessage(
                                    "portal.mail.body", new Object[] {DonorLinks.VALID_FOR.toMinutes()}, locale)
                            + "\n\n" + url
                            + "\n\n" + messages.getMessage("portal.mail.ignore", null, locale) + "\n\n" + organisation
                            + "\n");
        } catch (Exception e) {
            log.warn("A manage link could not be sent: {}", e.toString());
        }
    }
}
