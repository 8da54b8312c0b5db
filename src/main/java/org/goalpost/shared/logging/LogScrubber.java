package org.goalpost.shared.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a log line what must never be in a log: card-like numbers (13 to 19 digits, spaces
 * or dashes allowed between them, that pass the Luhn check), Stripe secret and restricted keys,
 * webhook signing secrets, and Goalpost API tokens. The app logs none of these on purpose; this is
 * the net under what an exception message or an upstream answer might echo.
 */
public final class LogScrubber {

    private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\w.])\\d(?:[ -]?\\d){12,18}(?![\\w])");
    private static final Pattern SECRETS =
            Pattern.compile("\\b((?:sk|rk)_(?:live|test)_|whsec_|gp_)[A-Za-z0-9_+/=]{6,}");
    static final String CARD_REMOVED = "[card-like number removed]";

    private LogScrubber() {}

    public static String scrub(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String result = line;
        if (mayHoldSecret(result)) {
            result = SECRETS.matcher(result).replaceAll("$1[removed]");
        }
        Matcher cards = CARD_LIKE.matcher(result);
        if (!cards.find()) {
            return result;
        }
        StringBuilder out = new StringBuilder(result.length());
        do {
            String digits = cards.group().replace(" ", "").replace("-", "");
            cards.appendReplacement(out, luhn(digits) ? CARD_REMOVED : Matcher.quoteReplacement(cards.group()));
        } while (cards.find());
        cards.appendTail(out);
        return out.toString();
    }

    private static boolean mayHoldSecret(String line) {
        return line.contains("sk_") || line.contains("rk_") || line.contains("whsec_") || line.contains("gp_");
    }

    /** Whether the digits pass the Luhn check, as every card number does. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
