package callstats.lake.jobs.report;

import static callstats.lake.jobs.report.ReportLake.ACME;
import static callstats.lake.jobs.report.ReportLake.D;
import static callstats.lake.jobs.report.ReportLake.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig;
import callstats.lake.testing.TestLake;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: headless Chromium renders the daily page of seeded tables, the numbers in
 * the rendered DOM are the tables' values, and screenshots of the pages land in
 * {@code jobs/target/report-screenshots/} (with the pages' HTML) for a person to look at. Skipped without Chromium, unless
 * {@code -Dcallstats.lake.browser-tests=required} (bin/test) makes that a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

  static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
      .resolve("target").resolve("report-screenshots");

  private Chromium chromium;
  private ReportLake lake;
  private Path appDir;

  @BeforeAll
  void render(@TempDir Path dir) {
    chromium = Chromium.find();
    if (chromium == null) {
      if (Chromium.required()) {
        Assertions.fail(Chromium.missingMessage());
      }
      return;
    }
    LakeConfig config = TestLake.config(dir.resolve("lake").toUri().toString(),
        dir.resolve("landing").toUri().toString(), Map.of());
    lake = ReportLake.seed(TestLake.spark(), config);
    ReportJob.run(TestLake.spark(), config, D, null);
    appDir = dir.resolve("lake").resolve("reports").resolve("app=" + ACME);
  }

  /** Each test reports itself skipped, with the reason, when there is no browser and none is required. */
  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(chromium != null, Chromium::missingMessage);
  }

  @Test
  void theRenderedNumbersAreTheTableValues() throws Exception {
    Document dom = Jsoup.parse(chromium.dumpDom(appDir.resolve("daily").resolve(D + ".html")));
    Map<String, Object> today = lake.service.get(ACME).get(D);
    assertThat(dom.title()).isEqualTo("acme \u00b7 Wednesday 25 November 2026 \u00b7 daily service report");
    for (Kpi k : Kpi.HEADLINE) {
      Element cell = dom.selectFirst("[data-kpi=" + k.key() + "]");
      Object value = today.get(k.key());
      assertThat(cell.attr("data-value")).as(k.key()).isEqualTo(value.toString());
      assertThat(text(cell)).as(k.key()).isEqualTo(plain(k.unit().format(((Number) value).doubleValue())));
    }
    assertThat(dom.selectFirst("[data-kpi=calls]").text()).isEqualTo("1,273");
    assertThat(text(dom.selectFirst("[data-kpi=rtt_p95_ms]")))
        .isEqualTo(plain(Unit.MS.format((Double) today.get("rtt_p95_ms"))));
    assertThat(dom.select("svg[role=img]")).hasSize(6);
    assertThat(dom.select("[data-dimension=isp] tr[data-segment]").eachAttr("data-segment"))
        .containsExactly("AT&T <Mobility>", "Deutsche Telekom");
  }

  private static String text(Element e) {
    return plain(e.text());
  }

  private static String plain(String s) {
    return s.replace('\u00a0', ' ');
  }

  @Test
  void screenshotsOfTheDailyAndWeeklyPages() throws Exception {
    for (String[] page : new String[][] {{"daily", D.toString()}, {"weekly", MONDAY.toString()}}) {
      Path png = SCREENSHOTS.resolve(ACME + "-" + page[0] + ".png");
      Path html = appDir.resolve(page[0]).resolve(page[1] + ".html");
      chromium.screenshot(html, png, 1280, 3600);
      Files.copy(html, SCREENSHOTS.resolve(ACME + "-" + page[0] + ".html"), StandardCopyOption.REPLACE_EXISTING);
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(1280);
      Set<Integer> colours = new HashSet<>();
      for (int y = 0; y < image.getHeight(); y += 7) {
        for (int x = 0; x < image.getWidth(); x += 7) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertThat(colours).as("a page with text and charts, not a blank image").hasSizeGreaterThan(50);
    }
  }
}
