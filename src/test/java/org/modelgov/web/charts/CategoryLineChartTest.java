package org.modelgov.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend's line chart: one series per team, points at their values, data escaped, gaps left open. */
class CategoryLineChartTest {

    @Test
    void eachPointCarriesItsSeriesCategoryAndValueAndTextIsEscaped() {
        String svg = CategoryLineChart.titled("Mean time to triage <per team>", "min")
                .categories(List.of("2026-Q3", "2026-Q4"))
                .point("Risk & Credit", "2026-Q3", 12.5)
                .point("Risk & Credit", "2026-Q4", 8.0)
                .point("Fraud", "2026-Q4", null)
                .toSvg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("Mean time to triage &lt;per team&gt;")
                .contains("data-series=\"Risk &amp; Credit\"")
                .contains("data-category=\"2026-Q3\" data-value=\"12.5\"")
                .contains("data-category=\"2026-Q4\" data-value=\"8.0\"")
                .contains("data-series=\"Fraud\"")
                .doesNotContain("<Risk");
        assertThat(svg.split("<circle", -1)).as("a missing value leaves a gap: two points").hasSize(3);
        assertThat(svg).contains(">20 min<").as("the axis ends at a round number above the largest value");
    }

    @Test
    void anEmptyChartSaysSo() {
        assertThat(CategoryLineChart.titled("Nothing", "min").toSvg()).contains("nothing to draw");
    }

    @Test
    void theAxisTopIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(CategoryLineChart.niceCeiling(12.5)).isEqualTo(20.0);
        assertThat(CategoryLineChart.niceCeiling(3)).isEqualTo(5.0);
        assertThat(CategoryLineChart.niceCeiling(100)).isEqualTo(100.0);
        assertThat(CategoryLineChart.niceCeiling(0.07)).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
    }
}
