package org.modelgov.web.charts;

import java.util.Locale;

/** The one way the charts write a text element: position to one decimal, the text XML-escaped. */
final class SvgText {

    private SvgText() {
    }

    static void append(StringBuilder svg, String cssClass, double x, double y, String anchor, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(coordinate(y)).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(BarChart.escape(text)).append("</text>");
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
