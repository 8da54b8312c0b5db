package org.goalpost.campaign;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast between two sRGB colours: (L1 + 0.05) / (L2 + 0.05) of their relative luminances, from 1 (the
 * same) to 21 (black on white). Text needs {@link #TEXT} (4.5:1, success criterion 1.4.3, level AA).
 */
public final class ThemeContrast {

    /** The least contrast for text of normal size. */
    public static final double TEXT = 4.5;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private ThemeContrast() {}

    /** Whether a colour is written {@code #rrggbb}. */
    public static boolean isHexColour(String colour) {
        return colour != null && HEX.matcher(colour).matches();
    }

    /** The colour as {@code #rrggbb} in lower case. */
    public static String normalised(String colour) {
        return colour.toLowerCase(Locale.ROOT);
    }

    public static double ratio(String colour, String other) {
        double a = luminance(colour);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
