package org.modelgov.web.charts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A time-series line chart as inline SVG, built on the server like {@link BarChart}: one polyline per series over a
 * shared time axis (the A/B comparison draws champion and challenger over the observation window). Every text from
 * data is XML-escaped here. Each series carries {@code data-series} and {@code data-points} (its number of points),
 * each point {@code data-at} and {@code data-value}, so a test can check what is drawn.
 */
public final class LineChart {

    static final int LEFT = 64;
    static final int PLOT_WIDTH = 560;
    static final int RIGHT = 16;
    static final int TOP = 28;
    static final int PLOT_HEIGHT = 180;
    static final int BOTTOM = 40;
    /** More points than this are thinned (every n-th kept) so a page stays light; the report keeps them all. */
    static final int MAX_POINTS = 400;

    public record Point(Instant at, double value) {
    }

    public record Series(String name, String tone, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private Instant from;
    private Instant to;

    private LineChart(String title) {
        this.title = title;
    }

    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    /** The time axis; without it the points' own range is used. */
    public LineChart between(Instant from, Instant to) {
        this.from = from;
        this.to = to;
        return this;
    }

    /** @param tone a CSS suffix: {@code champion} or {@code challenger} */
    public LineChart series(String name, String tone, List<Point> points) {
        series.add(new Series(name, tone, points.stream().filter(p -> Double.isFinite(p.value())).toList()));
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public String toSvg() {
        int width = LEFT + PLOT_WIDTH + RIGHT;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        long start = from != null ? from.toEpochMilli()
                : all.stream().mapToLong(p -> p.at().toEpochMilli()).min().orElse(0);
        long end = to != null ? to.toEpochMilli() : all.stream().mapToLong(p -> p.at().toEpochMilli()).max().orElse(1);
        if (end <= start) {
            end = start + 1;
        }
        double min = Math.min(0, all.stream().mapToDouble(Point::value).min().orElse(0));
        double max = all.stream().mapToDouble(Point::value).max().orElse(1);
        if (max <= min) {
            max = min + 1;
        }
        StringBuilder svg = new StringBuilder(1024 + all.size() * 40);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(BarChart.escape(title)).append("\">");
        svg.append("<title>").append(BarChart.escape(title)).append("</title>");
        int bottom = TOP + PLOT_HEIGHT;
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(bottom).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(bottom).append("\"/>");
        SvgText.append(svg, "axis-label", LEFT - 6, bottom, "end", BarChart.format(min));
        SvgText.append(svg, "axis-label", LEFT - 6, TOP + 10, "end", BarChart.format(max));
        SvgText.append(svg, "axis-label", LEFT, bottom + 14, "start", Instant.ofEpochMilli(start).toString());
        SvgText.append(svg, "axis-label", LEFT + PLOT_WIDTH, bottom + 14, "end", Instant.ofEpochMilli(end).toString());
        int legendX = LEFT;
        for (Series s : series) {
            svg.append("<g class=\"series tone-").append(tone(s.tone())).append("\" data-series=\"")
                    .append(BarChart.escape(s.name())).append("\" data-points=\"").append(s.points().size())
                    .append("\">");
            int step = Math.max(1, (s.points().size() + MAX_POINTS - 1) / MAX_POINTS);
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < s.points().size(); i += step) {
                Point p = s.points().get(i);
                double x = LEFT + PLOT_WIDTH * (p.at().toEpochMilli() - start) / (double) (end - start);
                double y = bottom - PLOT_HEIGHT * (p.value() - min) / (max - min);
                path.append(path.isEmpty() ? "" : " ").append(SvgText.coordinate(x)).append(',').append(SvgText.coordinate(y));
                dots.append("<circle class=\"point\" r=\"2.5\" cx=\"").append(SvgText.coordinate(x)).append("\" cy=\"").append(SvgText.coordinate(y))
                        .append("\" data-at=\"").append(p.at()).append("\" data-value=\"").append(p.value())
                        .append("\"/>");
            }
            if (!path.isEmpty()) {
                svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(path).append("\"/>");
            }
            svg.append(dots);
            svg.append("<rect class=\"legend-swatch\" x=\"").append(legendX).append("\" y=\"").append(height - 14)
                    .append("\" width=\"12\" height=\"4\"/>");
            SvgText.append(svg, "legend", legendX + 16, height - 9, "start", s.name() + " (" + s.points().size() + ")");
            svg.append("</g>");
            legendX += 260;
        }
        if (all.isEmpty()) {
            SvgText.append(svg, "bar-note", LEFT + 8, TOP + 20, "start", "no data in the window");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String tone(String tone) {
        return tone != null && tone.matches("[a-z]{1,20}") ? tone : "other";
    }
}
