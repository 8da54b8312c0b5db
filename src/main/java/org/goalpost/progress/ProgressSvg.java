package org.goalpost.progress;

import java.util.Locale;

/**
 * The tier bar as an SVG image, for places without JavaScript (newsletters, AMP pages): the same
 * drawing as the widget, with a title and description for screen readers.
 */
final class ProgressSvg {

    static final int WIDTH = 600;
    private static final int LEFT = 16;
    private static final int RIGHT = 16;
    private static final int TRACK = WIDTH - LEFT - RIGHT;

    private ProgressSvg() {}

    /**
     * @param summary the bar in words ("895 $ raised of 5,000 $"), {@code value} the figure in bold ("895 $",
     * "820 $ / month"), {@code raised} the words after it, in the reader's language
     */
    static String render(ProgressBarView bar, String title, String summary, String value, String raised) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"110\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(" 110\" role=\"img\" aria-labelledby=\"gp-title gp-desc\">")
                .append("<title id=\"gp-title\">")
                .append(escape(title))
                .append("</title>")
                .append("<desc id=\"gp-desc\">")
                .append(escape(summary))
                .append("</desc>")
                .append("<style>text{font-family:system-ui,-apple-system,'Segoe "
                        + "UI',Roboto,sans-serif;fill:#6b7280;font-size:13px}")
                .append(".raised{fill:#1f2937;font-size:20px}.raised "
                        + "tspan{font-weight:700}.reached{fill:#c2410c;font-weight:600}</style>")
                .append("<rect x=\"")
                .append(LEFT)
                .append("\" y=\"20\" width=\"")
                .append(TRACK)
                .append("\" height=\"12\" rx=\"6\" fill=\"#e5e7eb\"/>");
        int fill = x(bar.fillBasisPoints()) - LEFT;
        if (fill > 0) {
            svg.append("<rect class=\"fill\" x=\"")
                    .append(LEFT)
                    .append("\" y=\"20\" width=\"")
                    .append(fill)
                    .append("\" height=\"12\" rx=\"6\" fill=\"#c2410c\"/>");
        }
        for (ProgressBarView.MarkerView marker : bar.markers()) {
            int x = x(marker.positionBasisPoints());
            String colour = marker.reached() ? "#c2410c" : "#6b7280";
            svg.append("<line class=\"tick\" data-amount-minor=\"")
                    .append(marker.amountMinor())
                    .append("\" x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y1=\"16\" y2=\"36\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2\"/>");
            String anchor = marker.start() ? "start" : x >= LEFT + TRACK ? "end" : "middle";
            svg.append("<text x=\"")
                    .append(x)
                    .append("\" y=\"52\" text-anchor=\"")
                    .append(anchor)
                    .append('"')
                    .append(marker.reached() && !marker.start() ? " class=\"reached\"" : "")
                    .append('>')
                    .append(escape(marker.amount()))
                    .append("</text>");
        }
        svg.append("<text class=\"raised\" x=\"")
                .append(LEFT)
                .append("\" y=\"88\"><tspan>")
                .append(escape(value))
                .append("</tspan> ")
                .append(escape(raised))
                .append("</text></svg>");
        return svg.toString();
    }

    /** A position in basis points of the bar (10,000 = the whole track) as an x coordinate. */
    private static int x(int basisPoints) {
        return LEFT + (int) ((long) basisPoints * TRACK / 10_000);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static Locale locale(String tag) {
        return tag == null || tag.isBlank() ? Locale.US : Locale.forLanguageTag(tag);
    }
}
