package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.audit.AuditLog;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.privacy.PersonalData;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.text.Sha256;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Privacy requests, ADMIN only: everything kept about a donor's email address as JSON, and the
 * erasure of the donor's personal data (name, email, message) from every module that holds some,
 * in one transaction; amounts, the ledger and the totals stay. Both audited, under a pseudonym of
 * the address (its SHA-256), never the address itself.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff/privacy", produces = MediaType.APPLICATION_JSON_VALUE)
class PrivacyApiController {

    record EraseBody(String email) {}

    private final List<PersonalData> holders;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    PrivacyApiController(List<PersonalData> holders, AuditLog audit, Transactions transactions, Clock clock) {
        this.holders = holders;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> export(@RequestParam(required = false) String email) {
        String address = checked(email);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            Map<String, Object> part = holder.export(address);
            if (!part.isEmpty()) {
                sections.put(holder.section(), part);
            }
        }
        audit.record("privacy.exported", pseudonym(address), sections.keySet().toString());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", address);
        export.put("exportedAt", clock.instant().toString());
        export.put("data", sections);
        return export;
    }

    @PostMapping(path = "/erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> erase(@RequestBody EraseBody body) {
        String address = checked(body == null ? null : body.email());
        Map<String, Object> erased = transactions.inTransaction(() -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (PersonalData holder : holders) {
                counts.put(holder.section(), holder.erase(address));
            }
            audit.record("privacy.erased", pseudonym(address), counts.toString());
            return counts;
        });
        return Map.of("erased", erased, "pseudonym", pseudonym(address));
    }

    private static String checked(String email) {
        String address = EmailAddresses.normalise(email);
        if (!EmailAddresses.isValid(address)) {
            throw new InvalidInputException("email", "must be an email address");
        }
        return address;
    }

    /** How the audit log names the person: the address's SHA-256, so the log keeps no personal data. */
    static String pseudonym(String address) {
        return "email-sha256:" + Sha256.hex(address).substring(0, 24);
    }
}
