package org.goalpost.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One ready-made response body and its strong ETag (a digest of the bytes): the ETag changes
 * exactly when the bytes do.
 */
record Representation(byte[] body, String etag) {

    public static Representation of(byte[] body) {
        return new Representation(body, etagOf(body));
    }

    public static Representation of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an {@code If-None-Match} header names this representation (or {@code *}). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
