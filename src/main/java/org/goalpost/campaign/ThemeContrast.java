package org.goalpost.campaign;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast between two sRGB colours: (L1 + 0.05) / (L2 + 0.05) of their relative luminances, from 1:1 (the
 * same) to 21:1 (black on white), in hundredths rounded down (a colour just under 4.5:1 never passes). Text needs
 * {@link #TEXT} (4.5:1, success criterion 1.4.3, level AA). Whole numbers throughout: luminance in units of 10^-10.
 */
public final class ThemeContrast {

    /** The least contrast for text of normal size, in hundredths. */
    public static final long TEXT = 450;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Each 8-bit channel value made linear, in millionths. */
    private static final long[] LINEAR = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = Math.round((c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)) * 1_000_000);
        }
    }

    private ThemeContrast() {}

    /** Whether a colour is written {@code #rrggbb}. */
    public static boolean isHexColour(String colour) {
        return colour != null && HEX.matcher(colour).matches();
    }

    /** The colour as {@code #rrggbb} in lower case. */
    public static String normalised(String colour) {
        return colour.toLowerCase(Locale.ROOT);
    }

    /** The contrast of two {@code #rrggbb} colours, in hundredths ({@code 454} is 4.54:1). */
    public static long ratioHundredths(String colour, String other) {
        long a = luminance(colour);
        long b = luminance(other);
        long offset = 500_000_000L;
        return 100 * (Math.max(a, b) + offset) / (Math.min(a, b) + offset);
    }

    /** The contrast as people write it: {@code 4.54:1}. */
    public static String written(long hundredths) {
        return hundredths / 100 + "." + String.format(Locale.ROOT, "%02d", hundredths % 100) + ":1";
    }

    /** Relative luminance in units of 10^-10 (weights in ten-thousandths times linear channels in millionths). */
    static long luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 2126 * LINEAR[(rgb >> 16) & 0xff] + 7152 * LINEAR[(rgb >> 8) & 0xff] + 722 * LINEAR[rgb & 0xff];
    }
}
