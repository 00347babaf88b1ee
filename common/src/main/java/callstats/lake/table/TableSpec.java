package callstats.lake.table;

import callstats.lake.config.LakeUri;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table declared in code: its layer, name, columns (with comments), partition columns and how
 * it is written. Lives at {@code <lake>/<layer>/<name>}.
 */
public final class TableSpec {

  /** How a job writes the table; stated where the table is declared. */
  public enum WriteStrategy {
    /** The job rewrites whole partitions atomically with {@code replaceWhere} (idempotent re-runs). */
    REPLACE_PARTITIONS,
    /** The job upserts the entities it recomputed and deletes their stale rows in one MERGE. */
    MERGE_ENTITIES,
    /** Rows are only ever added (audit records). */
    APPEND
  }

  private final String layer;
  private final String name;
  private final String comment;
  private final List<ColumnDef> columns;
  private final List<String> partitionBy;
  private final WriteStrategy writeStrategy;
  private final StructType schema;

  private TableSpec(String layer, String name, String comment, List<ColumnDef> columns, List<String> partitionBy,
      WriteStrategy writeStrategy) {
    this.layer = layer;
    this.name = name;
    this.comment = comment;
    this.columns = List.copyOf(columns);
    this.partitionBy = List.copyOf(partitionBy);
    this.writeStrategy = writeStrategy;
    List<StructField> fields = new ArrayList<>();
    for (ColumnDef c : columns) {
      fields.add(new StructField(c.column(), c.type(), c.nullable(), commentMetadata(c.comment())));
    }
    this.schema = new StructType(fields.toArray(StructField[]::new));
    for (String p : partitionBy) {
      if (schema.getFieldIndex(p).isEmpty()) {
        throw new IllegalArgumentException(qualifiedName() + ": partition column " + p + " is not a column");
      }
    }
  }

  public static <E extends Enum<E> & ColumnDef> TableSpec of(String layer, String name, String comment,
      Class<E> columns, WriteStrategy strategy, String... partitionBy) {
    return new TableSpec(layer, name, comment, Arrays.asList(columns.getEnumConstants()), Arrays.asList(partitionBy),
        strategy);
  }

  private static Metadata commentMetadata(String comment) {
    return new MetadataBuilder().putString("comment", Objects.requireNonNull(comment)).build();
  }

  public String layer() {
    return layer;
  }

  public String name() {
    return name;
  }

  /** {@code silver.events}, as the docs and messages call it. */
  public String qualifiedName() {
    return layer + "." + name;
  }

  public String comment() {
    return comment;
  }

  public List<ColumnDef> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnDef::column).toList();
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public WriteStrategy writeStrategy() {
    return writeStrategy;
  }

  public StructType schema() {
    return schema;
  }

  /** The position of a column, or -1 when the table has no such column. */
  public int indexOf(String column) {
    return schema.getFieldIndex(column).isEmpty() ? -1 : (int) schema.getFieldIndex(column).get();
  }

  public int width() {
    return columns.size();
  }

  public LakeUri location(LakeUri lake) {
    return lake.resolve(layer).resolve(name);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
