package org.goalpost.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.privacy.PersonalData;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The manage links sent to an address (when asked, when used; never a token); erasing deletes them. */
@Component
class LinkPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    LinkPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "manageLinks";
    }

    @Override
    public Map<String, Object> export(String email) {
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT created_at, used_at FROM donor_link WHERE email = ? ORDER BY id")
                .param(EmailAddresses.normalise(email))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("sentAt", DbTime.read(rs, "created_at").toString());
                    row.put(
                            "usedAt",
                            rs.getString("used_at") == null
                                    ? null
                                    : DbTime.read(rs, "used_at").toString());
                    return row;
                })
                .list();
        return rows.isEmpty() ? Map.of() : Map.of("items", rows);
    }

    @Override
    public int erase(String email) {
        return jdbc.sql("DELETE FROM donor_link WHERE email = ?")
                .param(EmailAddresses.normalise(email))
                .update();
    }
}
