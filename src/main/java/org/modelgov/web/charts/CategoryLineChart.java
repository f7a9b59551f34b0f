package org.modelgov.web.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart as inline SVG, built on the server: categories along the x axis (e.g. quarters, in the order given),
 * one line per series (e.g. a team), values from zero up. Text from data is XML-escaped here. Each point carries
 * {@code data-series}, {@code data-category} and {@code data-value} so a test can check the numbers drawn.
 */
public final class CategoryLineChart {

    static final int LEFT = 60;
    static final int PLOT_WIDTH = 480;
    static final int LEGEND_WIDTH = 190;
    static final int TOP = 24;
    static final int PLOT_HEIGHT = 180;
    static final int BOTTOM = 30;
    private static final int MAX_LABEL = 26;

    private final String title;
    private final String unit;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Map<String, Double>> series = new LinkedHashMap<>();

    private CategoryLineChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public static CategoryLineChart titled(String title, String unit) {
        return new CategoryLineChart(title, unit);
    }

    /** Adds a value; a null value leaves a gap. Categories appear in the order first seen unless set first. */
    public CategoryLineChart point(String seriesName, String category, Double value) {
        if (!categories.contains(category)) {
            categories.add(category);
        }
        series.computeIfAbsent(seriesName, k -> new LinkedHashMap<>()).put(category, value);
        return this;
    }

    public CategoryLineChart categories(List<String> ordered) {
        ordered.forEach(c -> {
            if (!categories.contains(c)) {
                categories.add(c);
            }
        });
        return this;
    }

    public String toSvg() {
        int width = LEFT + PLOT_WIDTH + LEGEND_WIDTH;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        double max = series.values().stream().flatMap(m -> m.values().stream())
                .filter(v -> v != null && !v.isNaN() && !v.isInfinite()).mapToDouble(Double::doubleValue).max()
                .orElse(0);
        double top = max <= 0 ? 1 : niceCeiling(max);
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(BarChart.escape(title)).append("\">");
        svg.append("<title>").append(BarChart.escape(title)).append("</title>");
        int bottom = TOP + PLOT_HEIGHT;
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(bottom).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(bottom).append("\"/>");
        SvgText.append(svg, "axis-label", LEFT - 6, bottom + 4, "end", "0");
        SvgText.append(svg, "axis-label", LEFT - 6, TOP + 4, "end", BarChart.format(top) + " " + unit);
        for (int c = 0; c < categories.size(); c++) {
            SvgText.append(svg, "axis-label", x(c), bottom + 18, "middle", categories.get(c));
        }
        int s = 0;
        for (Map.Entry<String, Map<String, Double>> line : series.entrySet()) {
            String name = line.getKey();
            svg.append("<g class=\"series series-").append(s % 8).append("\" data-series=\"")
                    .append(BarChart.escape(name)).append("\">");
            StringBuilder path = new StringBuilder();
            for (int c = 0; c < categories.size(); c++) {
                Double v = line.getValue().get(categories.get(c));
                if (v == null || v.isNaN() || v.isInfinite()) {
                    continue;
                }
                path.append(path.isEmpty() ? "" : " ").append(num(x(c))).append(',').append(num(y(v, top)));
            }
            if (!path.isEmpty()) {
                svg.append("<polyline class=\"trend-line\" fill=\"none\" points=\"").append(path).append("\"/>");
            }
            for (int c = 0; c < categories.size(); c++) {
                Double v = line.getValue().get(categories.get(c));
                if (v == null || v.isNaN() || v.isInfinite()) {
                    continue;
                }
                svg.append("<circle class=\"trend-point\" r=\"3.5\" cx=\"").append(num(x(c))).append("\" cy=\"")
                        .append(num(y(v, top))).append("\" data-category=\"")
                        .append(BarChart.escape(categories.get(c))).append("\" data-value=\"").append(v)
                        .append("\"><title>").append(BarChart.escape(name + ", " + categories.get(c) + ": "
                                + BarChart.format(v) + " " + unit)).append("</title></circle>");
            }
            int legendY = TOP + 8 + s * 18;
            svg.append("<line class=\"trend-line\" x1=\"").append(LEFT + PLOT_WIDTH + 14).append("\" y1=\"")
                    .append(legendY).append("\" x2=\"").append(LEFT + PLOT_WIDTH + 34).append("\" y2=\"")
                    .append(legendY).append("\"/>");
            SvgText.append(svg, "legend", LEFT + PLOT_WIDTH + 40, legendY + 4, "start", abbreviate(name));
            svg.append("</g>");
            s++;
        }
        if (categories.isEmpty()) {
            SvgText.append(svg, "bar-note", LEFT + 10, TOP + 20, "start", "nothing to draw");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private double x(int category) {
        return categories.size() <= 1 ? LEFT + PLOT_WIDTH / 2.0
                : LEFT + 20 + category * (PLOT_WIDTH - 40.0) / (categories.size() - 1);
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT - Math.max(0, value) / top * PLOT_HEIGHT;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
