package org.modelgov.web.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BarChartTest {

    @Test
    void barWidthsAreProportionalToTheirValues() throws Exception {
        Document svg = parse(BarChart.titled("DI").bar("a", 0.25, "fail").bar("b", 1.0, "pass").toSvg());
        NodeList rects = svg.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(2);
        double a = width(rects.item(0));
        double b = width(rects.item(1));
        assertThat(a / b).isCloseTo(0.25, within(0.001));
        // the largest value fills the plot, starting at zero on the left
        assertThat(b).isCloseTo(BarChart.PLOT_WIDTH, within(0.01));
        assertThat(attr(rects.item(1), "x")).isCloseTo(BarChart.LABEL_WIDTH, within(0.01));
        assertThat(((Element) rects.item(0)).getAttribute("class")).isEqualTo("bar tone-fail");
    }

    @Test
    void negativeValuesRunLeftOfZero() throws Exception {
        Document svg = parse(BarChart.titled("DPPL").bar("d", -0.1, "pass").bar("e", 0.3, "fail").toSvg());
        NodeList rects = svg.getElementsByTagName("rect");
        double zero = BarChart.LABEL_WIDTH + 0.1 / 0.4 * BarChart.PLOT_WIDTH;
        assertThat(attr(rects.item(0), "x")).isCloseTo(BarChart.LABEL_WIDTH, within(0.01));
        assertThat(width(rects.item(0))).isCloseTo(zero - BarChart.LABEL_WIDTH, within(0.01));
        assertThat(attr(rects.item(1), "x")).isCloseTo(zero, within(0.01));
        assertThat(width(rects.item(1)) / width(rects.item(0))).isCloseTo(3.0, within(0.001));
    }

    @Test
    void aThresholdLineSitsWhereItsValueIsOnTheAxis() throws Exception {
        Document svg = parse(BarChart.titled("PSI").bar("income", 0.05, "pass").bar("age", 0.4, "fail")
                .line(0.1, "warning 0.1", "warn").line(0.2, "breach 0.2", "fail").toSvg());
        NodeList lines = svg.getElementsByTagName("line");
        Element warning = null;
        Element breach = null;
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("class").equals("threshold tone-warn")) {
                warning = line;
            } else if (line.getAttribute("class").equals("threshold tone-fail")) {
                breach = line;
            }
        }
        assertThat(warning).isNotNull();
        assertThat(breach).isNotNull();
        // axis 0..0.4: 0.1 is a quarter of the way, 0.2 half
        assertThat(attr(warning, "x1")).isCloseTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH / 4.0, within(0.01));
        assertThat(attr(breach, "x1")).isCloseTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH / 2.0, within(0.01));
        assertThat(warning.getAttribute("data-value")).isEqualTo("0.1");
    }

    @Test
    void aLineBeyondEveryValueWidensTheAxis() throws Exception {
        BarChart chart = BarChart.titled("ratio").bar("x", 0.4, "fail").line(0.8, "0.8", "fail");
        assertThat(chart.x(0.8)).isCloseTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH, within(0.01));
        assertThat(chart.x(0.4)).isCloseTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH / 2.0, within(0.01));
        assertThat(BarChart.titled("rates").bar("x", 0.5, "neutral").including(0, 1).x(0.5))
                .isCloseTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH / 2.0, within(0.01));
    }

    @Test
    void namesFromDataAreEscapedAndRowsCarryTheirNumbers() throws Exception {
        String hostile = "<script>alert('x')</script>&\"quoted\"";
        String text = BarChart.titled("t <b>").bar(hostile, 0.5, "pass").rows("feature-importance", "feature").toSvg();
        assertThat(text).doesNotContain("<script>").doesNotContain("<b>");
        Document svg = parse(text);  // still well-formed XML
        Element row = (Element) svg.getElementsByTagName("g").item(0);
        assertThat(row.getAttribute("class")).isEqualTo("bar-row feature-importance");
        assertThat(row.getAttribute("data-feature")).isEqualTo(hostile);
        assertThat(row.getAttribute("data-value")).isEqualTo("0.5");
        assertThat(row.getTextContent()).contains("<script>alert");  // shown as text, not markup
    }

    @Test
    void valuesThatCouldNotBeComputedAreSaidNotDrawn() throws Exception {
        Document svg = parse(BarChart.titled("DI").bar("none", null, "warn").bar("inf", Double.POSITIVE_INFINITY, "pass")
                .bar("one", 1.0, "pass").toSvg());
        assertThat(svg.getDocumentElement().getTextContent()).contains("not computable").contains("∞");
        // only the infinite and the finite bar are drawn; the infinite one reaches the end of the axis
        NodeList rects = svg.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(2);
        assertThat(width(rects.item(0))).isCloseTo(width(rects.item(1)), within(0.01));
    }

    @Test
    void rowAttributesArePlainNames() {
        assertThatThrownBy(() -> BarChart.titled("t").rows("x\" onload=\"y", "feature"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarChart.titled("t").rows("ok", "on load")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreShortAndLocaleIndependent() {
        assertThat(BarChart.format(0.123456)).isEqualTo("0.1235");
        assertThat(BarChart.format(0.8)).isEqualTo("0.8");
        assertThat(BarChart.format(2.0)).isEqualTo("2");
        assertThat(BarChart.format(-0.00001)).isEqualTo("0");
    }

    private static double width(org.w3c.dom.Node node) {
        return attr(node, "width");
    }

    private static double attr(org.w3c.dom.Node node, String name) {
        return Double.parseDouble(((Element) node).getAttribute(name));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
