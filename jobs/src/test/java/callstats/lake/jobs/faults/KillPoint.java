package callstats.lake.jobs.faults;

import callstats.lake.table.TableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A moment at which to kill a job, recognised from outside the job by polling the lake's files: the production
 * code has no hooks for it. {@link #arm} notes what is there before the job starts; a
 * commit of the job is a new {@code _delta_log/NNN.json} that carries the job's {@code userMetadata} (the empty
 * commit that creates a table carries none).
 */
final class KillPoint {

  private enum Kind { BEFORE_COMMIT, AFTER_COMMIT }

  private final Kind kind;
  private final TableSpec table;
  private Path dir;
  private Set<Path> filesAtStart = Set.of();

  private KillPoint(Kind kind, TableSpec table) {
    this.kind = kind;
    this.table = table;
  }

  /** During the write of {@code table}, before its commit: a new data file, no new commit of the table yet. */
  static KillPoint beforeCommit(TableSpec table) {
    return new KillPoint(Kind.BEFORE_COMMIT, table);
  }

  /** Right after the commit of {@code table}: its first new commit is there (the job is between tables). */
  static KillPoint afterCommit(TableSpec table) {
    return new KillPoint(Kind.AFTER_COMMIT, table);
  }

  /** The table whose commit is already in the lake when the job is killed here, if any. */
  Optional<TableSpec> committedTable() {
    return kind == Kind.AFTER_COMMIT ? Optional.of(table) : Optional.empty();
  }

  /** Notes the table's files before the job starts. */
  void arm(Path lake) {
    dir = lake.resolve(table.layer()).resolve(table.name());
    filesAtStart = files();
  }

  /** Whether the moment has come. */
  boolean reached() {
    return switch (kind) {
      case BEFORE_COMMIT -> !newDataFiles().isEmpty() && newCommits().isEmpty();
      case AFTER_COMMIT -> !newCommits().isEmpty();
    };
  }

  private Set<Path> newDataFiles() {
    return files().stream().filter(p -> !filesAtStart.contains(p) && !p.startsWith(dir.resolve("_delta_log"))
        && p.getFileName().toString().endsWith(".parquet")).collect(Collectors.toSet());
  }

  private Set<Path> newCommits() {
    return files().stream().filter(p -> !filesAtStart.contains(p) && p.getParent().equals(dir.resolve("_delta_log"))
        && p.getFileName().toString().matches("\\d{20}\\.json") && read(p).contains("\"userMetadata\""))
        .collect(Collectors.toSet());
  }

  private Set<Path> files() {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile).collect(Collectors.toSet());
      } catch (UncheckedIOException | IOException e) {
        if (attempt == 5) { // a vanishing temporary file fails one listing, not five
          throw new IllegalStateException("cannot list " + dir, e);
        }
      }
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case BEFORE_COMMIT -> "before the commit of " + table.qualifiedName();
      case AFTER_COMMIT -> "right after the commit of " + table.qualifiedName();
    };
  }
}
