package callstats.lake.jobs.report;

import callstats.lake.config.LakeUri;
import callstats.lake.jobs.report.PageModel.Index;
import callstats.lake.jobs.report.PageModel.Link;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the report's files live and how they are written, through the Hadoop FileSystem API so that a local
 * lake and an {@code s3a://} lake work alike: {@code <lake>/reports/app=<app>/daily/<day>.html},
 * {@code .../weekly/<monday>.html} and {@code .../index.html}. A page replaces the earlier page of the same
 * day or week whole: on an object store the upload appears at close, on a local disk a temporary file is
 * renamed over it.
 */
public final class ReportFiles {

  public static final String DAILY = "daily";
  public static final String WEEKLY = "weekly";
  public static final String INDEX = "index.html";
  private static final String PAGE_NAME = "\\d{4}-\\d{2}-\\d{2}\\.html";

  private ReportFiles() {}

  /** A file system of its own for the lake (closed by the caller), so no shared instance is changed. */
  public static FileSystem open(LakeUri lake, Configuration hadoop) throws IOException {
    FileSystem fs = FileSystem.newInstance(URI.create(lake.value()), hadoop);
    fs.setWriteChecksum(false);
    return fs;
  }

  /** The directory of an app's reports; the app id is percent-encoded so that it is one safe path segment. */
  public static Path appDir(LakeUri lake, String app) {
    return new Path(lake.resolve("reports").value(), "app=" + encode(app));
  }

  public static Path dailyPage(Path appDir, LocalDate day) {
    return new Path(new Path(appDir, DAILY), day + ".html");
  }

  public static Path weeklyPage(Path appDir, LocalDate monday) {
    return new Path(new Path(appDir, WEEKLY), monday + ".html");
  }

  /** Letters, digits, '.', '_' and '-' stay; every other byte of the UTF-8 encoding becomes %XX. */
  static String encode(String app) {
    StringBuilder b = new StringBuilder();
    for (byte x : app.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  public static void write(FileSystem fs, Path target, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    if (!"file".equals(fs.getScheme())) {
      try (OutputStream out = fs.create(target, true)) {
        out.write(bytes);
      }
      return;
    }
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(bytes);
    }
    if (!fs.rename(tmp, target)) {
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("could not move " + tmp + " to " + target);
      }
    }
  }

  /** The index of an app's pages as they are in its directory, newest first. */
  public static Index index(FileSystem fs, Path appDir, String app) throws IOException {
    List<Link> daily = new ArrayList<>();
    for (LocalDate d : pages(fs, new Path(appDir, DAILY))) {
      daily.add(new Link(DAILY + "/" + d + ".html", d.format(Pages.SHORT_DAY) + " " + d.getYear()));
    }
    List<Link> weekly = new ArrayList<>();
    for (LocalDate d : pages(fs, new Path(appDir, WEEKLY))) {
      weekly.add(new Link(WEEKLY + "/" + d + ".html", "Week " + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " of "
          + d.get(IsoFields.WEEK_BASED_YEAR) + " (from " + d.format(Pages.SHORT_DAY) + ")"));
    }
    return new Index(app, daily, weekly);
  }

  private static List<LocalDate> pages(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<LocalDate> out = new ArrayList<>();
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (f.isFile() && name.matches(PAGE_NAME)) {
        try {
          out.add(LocalDate.parse(name.substring(0, 10)));
        } catch (java.time.format.DateTimeParseException e) {
          // not one of ours
        }
      }
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }
}
