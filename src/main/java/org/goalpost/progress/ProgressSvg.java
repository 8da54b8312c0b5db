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

    private ProgressSvg() {}

    /**
     * @param summary the bar in words ("895 $ raised of 5,000 $"), {@code value} the figure in bold ("895 $",
     * "820 $ / month"), {@code raised} the words after it, in the reader's language
     */
    static String render(ProgressBarView bar, String title, String summary, String value, String raised) {
        return render(WIDTH, bar, title, summary, value, raised);
    }

    /** A width asked for ({@code ?width=}), snapped to 300 to 1,200 in steps of 100; {@link #WIDTH} when absent. */
    static int width(String asked) {
        if (asked == null || asked.isBlank()) {
            return WIDTH;
        }
        try {
            int w = Integer.parseInt(asked.strip());
            return Math.max(300, Math.min(1_200, (w + 50) / 100 * 100));
        } catch (NumberFormatException e) {
            return WIDTH;
        }
    }

    /** The image at a width: the bar spans it, the text keeps its size (13 and 20 px) at every width. */
    static String render(int width, ProgressBarView bar, String title, String summary, String value, String raised) {
        int track = width - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"110\" viewBox=\"0 0 ")
                .append(width)
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
                .append(track)
                .append("\" height=\"12\" rx=\"6\" fill=\"#e5e7eb\"/>");
        int fill = x(bar.fillBasisPoints(), track) - LEFT;
        if (fill > 0) {
            svg.append("<rect class=\"fill\" x=\"")
                    .append(LEFT)
                    .append("\" y=\"20\" width=\"")
                    .append(fill)
                    .append("\" height=\"12\" rx=\"6\" fill=\"#c2410c\"/>");
        }
        for (ProgressBarView.MarkerView marker : bar.markers()) {
            int x = x(marker.positionBasisPoints(), track);
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
            String anchor = marker.start() ? "start" : x >= LEFT + track ? "end" : "middle";
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
    private static int x(int basisPoints, int track) {
        return LEFT + (int) ((long) basisPoints * track / 10_000);
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
