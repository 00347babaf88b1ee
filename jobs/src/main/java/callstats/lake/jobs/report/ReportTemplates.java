package callstats.lake.jobs.report;

import callstats.lake.jobs.report.PageModel.Index;
import callstats.lake.jobs.report.PageModel.Page;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The report's Mustache templates ({@code callstats/lake/report/*.mustache} on the classpath), compiled once.
 * Mustache escapes every value it writes into the HTML; the templates use no unescaped output.
 */
public final class ReportTemplates {

  private final Mustache page;
  private final Mustache index;

  public ReportTemplates() {
    DefaultMustacheFactory factory = new DefaultMustacheFactory("callstats/lake/report");
    this.page = factory.compile("page.mustache");
    this.index = factory.compile("index.mustache");
  }

  public String page(Page model) {
    return render(page, model);
  }

  public String index(Index model) {
    return render(index, model);
  }

  private static String render(Mustache template, Object model) {
    StringWriter out = new StringWriter();
    try {
      template.execute(out, model).flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
