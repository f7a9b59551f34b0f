package org.modelgov.web.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A horizontal bar chart as inline SVG, built on the server: no chart library and nothing the browser
 * must fetch. One row per bar, drawn from zero to its value, with vertical reference lines (policy
 * thresholds) across the plot. Every text that comes from data (feature names, facet values) is
 * XML-escaped here, so a page may insert the result unescaped.
 *
 * <p>Each row carries {@code data-<key>} (its label) and {@code data-value} (the exact value) so a test,
 * or a person reading the page source, can check the numbers behind the drawing.
 */
public final class BarChart {

    static final int LABEL_WIDTH = 210;
    static final int PLOT_WIDTH = 420;
    static final int VALUE_WIDTH = 90;
    static final int ROW_HEIGHT = 26;
    static final int BAR_HEIGHT = 16;
    static final int TOP = 22;
    static final int BOTTOM = 22;
    private static final int MAX_LABEL = 30;
    private static final Pattern DATA_KEY = Pattern.compile("[a-z][a-z-]{0,30}");
    private static final Pattern CSS_CLASS = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,60}");

    /** One bar; {@code value} null when the metric could not be computed, {@code tone} a CSS suffix (pass, warn, fail). */
    public record Bar(String label, Double value, String tone) {
    }

    /** A reference line across the plot at {@code value}, e.g. a policy bound. */
    public record Line(double value, String label, String tone) {
    }

    private final String title;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private String rowClass = "";
    private String dataKey = "label";
    private Double domainMin;
    private Double domainMax;

    private BarChart(String title) {
        this.title = title;
    }

    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    public BarChart bar(String label, Double value, String tone) {
        bars.add(new Bar(label, value, tone));
        return this;
    }

    public BarChart line(double value, String label, String tone) {
        lines.add(new Line(value, label, tone));
        return this;
    }

    /** A class every row gets (e.g. {@code feature-importance}) and the name of its label attribute ({@code data-feature}). */
    public BarChart rows(String cssClass, String labelAttribute) {
        if (!CSS_CLASS.matcher(cssClass).matches() || !DATA_KEY.matcher(labelAttribute).matches()) {
            throw new IllegalArgumentException("row class and label attribute must be plain names");
        }
        this.rowClass = " " + cssClass;
        this.dataKey = labelAttribute;
        return this;
    }

    /** Widens the axis to include this range (e.g. 0..1 for rates), beyond what the values and lines need. */
    public BarChart including(double min, double max) {
        domainMin = domainMin == null ? min : Math.min(domainMin, min);
        domainMax = domainMax == null ? max : Math.max(domainMax, max);
        return this;
    }

    public List<Bar> bars() {
        return List.copyOf(bars);
    }

    /** The axis range drawn: zero, every finite value, every line and any range asked for. */
    double[] domain() {
        double min = 0;
        double max = 0;
        for (Bar b : bars) {
            if (b.value() != null && Double.isFinite(b.value())) {
                min = Math.min(min, b.value());
                max = Math.max(max, b.value());
            }
        }
        for (Line l : lines) {
            min = Math.min(min, l.value());
            max = Math.max(max, l.value());
        }
        if (domainMin != null) {
            min = Math.min(min, domainMin);
            max = Math.max(max, domainMax);
        }
        if (max - min < 1e-12) {
            max = min + 1;
        }
        return new double[] {min, max};
    }

    /** Horizontal position of a value on the plot. */
    double x(double value) {
        double[] d = domain();
        double clamped = Math.max(d[0], Math.min(d[1], value));
        return LABEL_WIDTH + (clamped - d[0]) / (d[1] - d[0]) * PLOT_WIDTH;
    }

    public int height() {
        return TOP + Math.max(1, bars.size()) * ROW_HEIGHT + BOTTOM;
    }

    public String toSvg() {
        int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
        int height = height();
        double[] d = domain();
        double zero = x(0);
        StringBuilder svg = new StringBuilder(512 + bars.size() * 300);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        int plotBottom = height - BOTTOM;
        // axis: the range's ends and zero
        svg.append("<line class=\"axis\" x1=\"").append(num(zero)).append("\" y1=\"").append(TOP - 4)
                .append("\" x2=\"").append(num(zero)).append("\" y2=\"").append(plotBottom).append("\"/>");
        axisLabel(svg, LABEL_WIDTH, d[0], plotBottom, "start");
        axisLabel(svg, LABEL_WIDTH + PLOT_WIDTH, d[1], plotBottom, "end");
        for (int i = 0; i < bars.size(); i++) {
            row(svg, bars.get(i), TOP + i * ROW_HEIGHT, zero);
        }
        if (bars.isEmpty()) {
            svg.append("<text class=\"bar-note\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(TOP + 17)
                    .append("\">nothing to draw</text>");
        }
        for (Line line : lines) {
            double lx = x(line.value());
            svg.append("<line class=\"threshold tone-").append(tone(line.tone())).append("\" data-value=\"")
                    .append(line.value()).append("\" x1=\"").append(num(lx)).append("\" y1=\"").append(TOP - 6)
                    .append("\" x2=\"").append(num(lx)).append("\" y2=\"").append(plotBottom).append("\"/>");
            svg.append("<text class=\"threshold-label\" x=\"").append(num(lx)).append("\" y=\"").append(TOP - 9)
                    .append("\" text-anchor=\"middle\">").append(escape(line.label())).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private void row(StringBuilder svg, Bar bar, int top, double zero) {
        String label = bar.label() == null ? "" : bar.label();
        svg.append("<g class=\"bar-row").append(rowClass).append("\" data-").append(dataKey).append("=\"")
                .append(escape(label)).append("\" data-value=\"")
                .append(bar.value() == null ? "" : String.valueOf(bar.value())).append("\">");
        svg.append("<title>").append(escape(label)).append(": ").append(escape(format(bar.value()))).append("</title>");
        int textY = top + BAR_HEIGHT - 3;
        svg.append("<text class=\"bar-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textY)
                .append("\" text-anchor=\"end\">").append(escape(abbreviate(label))).append("</text>");
        if (bar.value() != null && !bar.value().isNaN()) {
            double end = x(bar.value());
            double left = Math.min(zero, end);
            svg.append("<rect class=\"bar tone-").append(tone(bar.tone())).append("\" x=\"").append(num(left))
                    .append("\" y=\"").append(top).append("\" width=\"").append(num(Math.abs(end - zero)))
                    .append("\" height=\"").append(BAR_HEIGHT).append("\"/>");
        }
        svg.append("<text class=\"bar-value\" x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 6).append("\" y=\"")
                .append(textY).append("\">").append(escape(format(bar.value()))).append("</text>");
        svg.append("</g>");
    }

    private void axisLabel(StringBuilder svg, double x, double value, int y, String anchor) {
        svg.append("<text class=\"axis-label\" x=\"").append(num(x)).append("\" y=\"").append(y + 15)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(format(value)).append("</text>");
    }

    /** Four decimals at most, trailing zeros dropped; infinity and "not computable" in words. */
    public static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "not computable";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "−∞";
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.equals("-0") ? "0" : text;
    }

    private static String tone(String tone) {
        return tone == null || !tone.matches("[a-z]{1,20}") ? "neutral" : tone;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    /** XML text and attribute escaping; drops characters XML 1.0 cannot carry. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
