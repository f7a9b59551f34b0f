package org.modelgov.web.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LineChartTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void pointsArePlacedByTimeAndValueOnSharedAxes() throws Exception {
        Document svg = parse(LineChart.titled("ModelLatency").between(FROM, TO)
                .series("champion primary", "champion", List.of(point(0, 0), point(10, 100)))
                .series("challenger v2", "challenger", List.of(point(5, 50))).toSvg());
        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(3);
        // the window's start at the left edge at the bottom, its end at the right edge at the top
        assertThat(attr(circles.item(0), "cx")).isCloseTo(LineChart.LEFT, within(0.1));
        assertThat(attr(circles.item(0), "cy")).isCloseTo(LineChart.TOP + LineChart.PLOT_HEIGHT, within(0.1));
        assertThat(attr(circles.item(1), "cx")).isCloseTo(LineChart.LEFT + LineChart.PLOT_WIDTH, within(0.1));
        assertThat(attr(circles.item(1), "cy")).isCloseTo(LineChart.TOP, within(0.1));
        assertThat(attr(circles.item(2), "cx")).isCloseTo(LineChart.LEFT + LineChart.PLOT_WIDTH / 2.0, within(0.1));
        assertThat(((Element) circles.item(2)).getAttribute("data-value")).isEqualTo("50.0");
        NodeList groups = svg.getElementsByTagName("g");
        assertThat(((Element) groups.item(0)).getAttribute("class")).isEqualTo("series tone-champion");
        assertThat(((Element) groups.item(1)).getAttribute("data-series")).isEqualTo("challenger v2");
        assertThat(((Element) groups.item(1)).getAttribute("data-points")).isEqualTo("1");
    }

    @Test
    void namesAreEscapedAndUnknownTonesAreNeutralised() throws Exception {
        String svg = LineChart.titled("<script>").series("a\"><script>", "x y", List.of(point(1, 1))).toSvg();
        assertThat(svg).doesNotContain("<script>");
        assertThat(parse(svg).getElementsByTagName("g").item(0).getAttributes().getNamedItem("class")
                .getNodeValue()).isEqualTo("series tone-other");
    }

    @Test
    void longSeriesAreThinnedButCountedWhole() throws Exception {
        List<LineChart.Point> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new LineChart.Point(FROM.plusSeconds(i), i));
        }
        Document svg = parse(LineChart.titled("Invocations").series("champion", "champion", many).toSvg());
        assertThat(svg.getElementsByTagName("circle").getLength()).isLessThanOrEqualTo(LineChart.MAX_POINTS);
        assertThat(((Element) svg.getElementsByTagName("g").item(0)).getAttribute("data-points")).isEqualTo("10000");
    }

    @Test
    void anEmptyWindowSaysSo() {
        assertThat(LineChart.titled("x").between(FROM, TO).series("champion", "champion", List.of()).toSvg())
                .contains("no data in the window").doesNotContain("<polyline");
    }

    private static LineChart.Point point(int hour, double value) {
        return new LineChart.Point(FROM.plusSeconds(hour * 3600L), value);
    }

    private static double attr(org.w3c.dom.Node node, String name) {
        return Double.parseDouble(((Element) node).getAttribute(name));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
