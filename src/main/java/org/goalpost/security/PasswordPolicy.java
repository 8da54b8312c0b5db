package org.goalpost.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 12 characters and at most 72 bytes in UTF-8 (bcrypt reads
 * no more: 72 plain letters, fewer with accents or emoji), not among the common passwords shipped
 * with the app ({@code security/common-passwords.txt}), and not containing the account's own email name.
 */
@Component
class PasswordPolicy {

    public static final int MIN = 12;
    /** bcrypt's own limit, in bytes of UTF-8. */
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** @throws InvalidInputException naming {@code field} when the password is refused */
    public void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            throw new InvalidInputException(field, "use at least " + MIN + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(
                    field,
                    "use at most " + MAX_BYTES + " bytes: 72 plain letters or digits, fewer with accents "
                            + "or emoji (this one has " + password.getBytes(StandardCharsets.UTF_8).length + ")");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new InvalidInputException(field, "is one of the most common passwords; choose another");
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        if (name.length() >= 4 && lower.contains(name)) {
            throw new InvalidInputException(field, "must not contain your email name");
        }
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt"), StandardCharsets.UTF_8))) {
            in.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(words::add);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The list of common passwords is missing from the app", e);
        }
        return words;
    }
}
