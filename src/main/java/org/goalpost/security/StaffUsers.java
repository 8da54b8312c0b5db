package org.goalpost.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goalpost.audit.AuditLog;
import org.goalpost.shared.db.DuplicateKeys;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: created by an admin (or the first admin from the environment), passwords checked
 * by {@link PasswordPolicy} and stored hashed by a {@code DelegatingPasswordEncoder} (bcrypt).
 * Disabling an account, changing its role or resetting its password changes its security stamp,
 * which ends every session it has, on every instance.
 */
@Service
public class StaffUsers {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffUserRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    StaffUsers(
            StaffUserRepository repository,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StaffUser> all() {
        return repository.all();
    }

    public Optional<StaffUser> find(long id) {
        return repository.find(id);
    }

    public boolean anyAdmin() {
        return repository.anyAdmin();
    }

    /** @throws InvalidInputException naming the fields that are wrong; nothing is written */
    public void create(String email, String displayName, String password, String role) {
        String normalised = EmailAddresses.normalise(email);
        if (normalised == null || !EMAIL.matcher(normalised).matches()) {
            throw new InvalidInputException("email", "is not an email address");
        }
        StaffRole staffRole = role(role);
        policy.check("password", password, normalised);
        boolean created = DuplicateKeys.insertUnlessPresent(() -> repository.insert(
                normalised, blankToNull(displayName), encoder.encode(password), staffRole, stamp(), clock.instant()));
        if (!created) {
            throw new InvalidInputException("email", "already has an account");
        }
        audit.record("staff_user.created", normalised, "role=" + staffRole);
    }

    /**
     * Changes name, role, whether the account may log in and, when {@code newPassword} is given, its
     * password; its sessions end. Everything is checked before anything is written, and the last
     * enabled admin can be neither demoted nor disabled (nobody could manage staff any more): the
     * enabled admins are locked while this is checked and written, so that two concurrent demotions
     * cannot both pass the check.
     */
    @Transactional
    public void update(long id, String displayName, String role, boolean enabled, String newPassword) {
        StaffUser user = repository.find(id).orElseThrow(() -> new NotFoundException("No staff user " + id));
        StaffRole staffRole = role(role);
        boolean newPasswordGiven = newPassword != null && !newPassword.isEmpty();
        if (newPasswordGiven) {
            policy.check("password", newPassword, user.email());
        }
        boolean losesAdmin =
                user.role() == StaffRole.ADMIN && user.enabled() && (staffRole != StaffRole.ADMIN || !enabled);
        if (losesAdmin && repository.lockEnabledAdmins() <= 1) {
            throw new InvalidInputException(
                    "role", "the last enabled admin can be neither demoted nor disabled; make another admin first");
        }
        repository.update(id, blankToNull(displayName), staffRole, enabled, stamp(), clock.instant());
        audit.record(
                enabled ? "staff_user.updated" : "staff_user.disabled",
                user.email(),
                "role " + user.role() + " -> " + staffRole + ", enabled " + user.enabled() + " -> " + enabled);
        if (newPasswordGiven) {
            repository.password(id, encoder.encode(newPassword), stamp(), clock.instant());
            audit.record("staff_user.password_reset", user.email(), null);
        }
    }

    /** The first admin, from the environment, when no admin exists yet. */
    void bootstrapAdmin(String email, String password) {
        if (repository.anyAdmin()) {
            return;
        }
        create(email, "Administrator", password, StaffRole.ADMIN.name());
    }

    private static StaffRole role(String role) {
        try {
            return StaffRole.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be admin or staff");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String stamp() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
