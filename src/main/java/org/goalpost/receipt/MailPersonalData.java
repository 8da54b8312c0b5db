package org.goalpost.receipt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.privacy.PersonalData;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The emails sent, or still to send, to an address; erasing blanks the address and cancels what was not sent. */
@Component
class MailPersonalData implements PersonalData {

    static final String ERASED = "erased";

    private final JdbcClient jdbc;

    MailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "emails";
    }

    @Override
    public Map<String, Object> export(String email) {
        List<Map<String, Object>> mails = jdbc.sql(
                        "SELECT kind, source_ref, recipient, amount_minor, currency, created_at, sent_at "
                                + "FROM mail_outbox WHERE LOWER(recipient) = ? ORDER BY id")
                .param(EmailAddresses.normalise(email))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", rs.getString("kind"));
                    row.put("reference", rs.getString("source_ref"));
                    row.put("to", rs.getString("recipient"));
                    row.put("amountMinor", rs.getLong("amount_minor"));
                    row.put("currency", rs.getString("currency"));
                    row.put("createdAt", DbTime.read(rs, "created_at").toString());
                    row.put(
                            "sentAt",
                            rs.getString("sent_at") == null
                                    ? null
                                    : DbTime.read(rs, "sent_at").toString());
                    return row;
                })
                .list();
        return mails.isEmpty() ? Map.of() : Map.of("items", mails);
    }

    @Override
    public int erase(String email) {
        return jdbc.sql("UPDATE mail_outbox SET recipient = ?, gave_up_at = COALESCE(sent_at, gave_up_at, "
                        + "created_at), last_error = NULL "
                        + "WHERE LOWER(recipient) = ?")
                .params(ERASED, EmailAddresses.normalise(email))
                .update();
    }
}
