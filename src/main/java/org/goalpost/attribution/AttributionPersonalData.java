package org.goalpost.attribution;

import java.util.List;
import java.util.Map;
import org.goalpost.shared.privacy.PersonalData;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a donor's gifts came from (page, placement, variant, utm fields), found through their donations; erasing
 * forgets it (the money stays, unattributed). Runs before the donations' own erasure, which removes the address that
 * finds them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttributionPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Attributions attributions;

    AttributionPersonalData(JdbcClient jdbc, Attributions attributions) {
        this.jdbc = jdbc;
        this.attributions = attributions;
    }

    @Override
    public String section() {
        return "attribution";
    }

    @Override
    public Map<String, Object> export(String email) {
        List<Map<String, Object>> rows = attributions.export(donations(email));
        return rows.isEmpty() ? Map.of() : Map.of("items", rows);
    }

    @Override
    public int erase(String email) {
        return attributions.erase(donations(email));
    }

    private List<Long> donations(String email) {
        String address = EmailAddresses.normalise(email);
        return jdbc.sql("SELECT d.id FROM donation d LEFT JOIN donor o ON o.id = d.donor_id "
                        + "WHERE o.email = ? OR LOWER(d.donor_email) = ?")
                .params(address, address)
                .query(Long.class)
                .list();
    }
}
