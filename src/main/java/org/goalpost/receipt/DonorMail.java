package org.goalpost.receipt;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a plain-text email to a donor from the organisation ({@code GOALPOST_MAIL_FROM},
 * {@code GOALPOST_ORG_NAME}, reply-to {@code GOALPOST_MAIL_REPLY_TO}): receipts and notices, and
 * the donor portal's links. Enabled when SMTP is configured ({@code SPRING_MAIL_HOST} not blank).
 */
@Component
public class DonorMail {

    private final ObjectProvider<JavaMailSender> mail;
    private final ReceiptProperties properties;
    private final boolean configured;

    DonorMail(
            ObjectProvider<JavaMailSender> mail,
            ReceiptProperties properties,
            @Value("${spring.mail.host:}") String host) {
        this.mail = mail;
        this.properties = properties;
        this.configured = !host.isBlank();
    }

    public boolean enabled() {
        return configured && mail.getIfAvailable() != null;
    }

    public String organisationName() {
        return properties.organisationName();
    }

    /** Sends at once; a refusal of the SMTP server is thrown. */
    public void send(String to, String subject, String text) throws MessagingException, UnsupportedEncodingException {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from(), properties.organisationName());
        if (properties.replyTo() != null && !properties.replyTo().isBlank()) {
            helper.setReplyTo(properties.replyTo());
        }
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, false);
        sender.send(message);
    }
}
