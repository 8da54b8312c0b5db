package org.goalpost.portal;

import java.security.SecureRandom;
import java.util.Base64;
import org.goalpost.shared.text.Sha256;

/**
 * The tokens of the links the portal mails (manage links and card links): 256 random bits, URL-safe; only the
 * SHA-256 is stored, and a token changed in any way is not well formed or unknown.
 */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {}

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null
                && token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
