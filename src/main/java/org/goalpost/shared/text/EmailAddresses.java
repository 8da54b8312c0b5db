package org.goalpost.shared.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** What counts as an email address here, and the one written form every module stores and compares. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {}

    /** Trimmed and in lower case; null for null or blank. */
    public static String normalise(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** An address of at most 254 characters, one {@code @}, a dot in the domain, no spaces. */
    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches();
    }
}
