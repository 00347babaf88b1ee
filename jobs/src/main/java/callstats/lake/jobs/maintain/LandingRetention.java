package callstats.lake.jobs.maintain;

import callstats.lake.config.LakeUri;
import callstats.lake.jobs.normalise.LandingFiles;
import callstats.lake.jobs.normalise.NormaliseJob;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage outside the tables that maintain cleans: the landing zone's expired dates and staging folders left
 * by killed runs. Expiring the landing zone deletes the {@code <landing>/<dialect>/date=D} directories of both dialects whose
 * date is before the first day kept. Only directories named as landing dates are touched; anything else
 * under the landing root is left alone. Lists one directory level per dialect, so the driver holds names of
 * days, never of files.
 */
public final class LandingRetention {

  private static final Logger LOG = LoggerFactory.getLogger(LandingRetention.class);
  private static final String PREFIX = "date=";

  private LandingRetention() {}

  /** Deletes the expired landing dates; returns the directories deleted, in order. */
  public static List<String> expire(Configuration hadoop, LakeUri landing, Optional<LocalDate> firstKept) {
    List<String> deleted = new ArrayList<>();
    if (firstKept.isEmpty()) {
      return deleted;
    }
    for (String dialect : List.of(LandingFiles.CALLSTATS, LandingFiles.RTCSTATS)) {
      Path dir = new Path(landing.resolve(dialect).value());
      try {
        FileSystem fs = dir.getFileSystem(hadoop);
        for (FileStatus day : listOrEmpty(fs, dir)) {
          Optional<LocalDate> date = landingDate(day);
          if (date.isPresent() && date.get().isBefore(firstKept.get())) {
            if (!fs.delete(day.getPath(), true)) {
              throw new IOException("could not delete " + day.getPath());
            }
            deleted.add(day.getPath().toString());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("expiring landing dates before " + firstKept.get() + " under " + dir
            + " failed: " + e.getMessage(), e);
      }
    }
    deleted.sort(null);
    LOG.info("landing retention: {} date directories before {} deleted {}", deleted.size(), firstKept.get(), deleted);
    return deleted;
  }

  /**
   * Deletes what runs killed before their cleanup left in the lake's staging folder ({@code <lake>/_staging}):
   * entries not modified for longer than {@code hours}, the same age VACUUM waits for. Returns them.
   */
  public static List<String> removeStaleStaging(Configuration hadoop, LakeUri lake, double hours) {
    Path dir = new Path(lake.resolve(NormaliseJob.STAGING).value());
    long cutoff = System.currentTimeMillis() - (long) (hours * 3_600_000L);
    List<String> deleted = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      for (FileStatus entry : listOrEmpty(fs, dir)) {
        if (entry.getModificationTime() <= cutoff && fs.delete(entry.getPath(), true)) {
          deleted.add(entry.getPath().toString());
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clean the staging folder {}: {}", dir, e.getMessage());
    }
    if (!deleted.isEmpty()) {
      LOG.info("removed {} staging folders left by interrupted runs: {}", deleted.size(), deleted);
    }
    return deleted;
  }

  /** The directory's entries, none when it does not exist. */
  private static FileStatus[] listOrEmpty(FileSystem fs, Path dir) throws IOException {
    try {
      return fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }

  private static Optional<LocalDate> landingDate(FileStatus status) {
    String name = status.getPath().getName();
    if (!status.isDirectory() || !name.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(name.substring(PREFIX.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
