package callstats.lake.jobs.normalise;

import callstats.lake.ingest.QuarantineReason;
import callstats.lake.ingest.RecordSink;
import callstats.lake.privacy.IpMasker;
import callstats.lake.table.silver.QuarantineCol;
import callstats.lake.table.silver.Silver;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;

/** Builds {@code silver.quarantine} rows: the raw line is capped, decoded leniently and IP-masked. */
final class Quarantines {

  private final IpMasker masker;
  private final int maxChars;

  Quarantines(IpMasker masker, int maxChars) {
    this.masker = masker;
    this.maxChars = maxChars;
  }

  Object[] row(Date date, String dialect, String file, long line, QuarantineReason reason, String detail,
      byte[] raw, int rawLength, long totalBytes, String[] ids) {
    Object[] r = RecordSink.newRow(Silver.QUARANTINE);
    r[QuarantineCol.DATE.ordinal()] = date;
    r[QuarantineCol.DIALECT.ordinal()] = dialect;
    r[QuarantineCol.SOURCE_FILE.ordinal()] = file;
    r[QuarantineCol.LINE_NUMBER.ordinal()] = line;
    r[QuarantineCol.REASON.ordinal()] = reason.code();
    r[QuarantineCol.DETAIL.ordinal()] = detail == null ? reason.code() : detail;
    r[QuarantineCol.RAW_LINE.ordinal()] = raw == null ? null : masker.mask(decode(raw, rawLength));
    r[QuarantineCol.RAW_BYTES.ordinal()] = totalBytes;
    if (ids != null) {
      r[QuarantineCol.APP_ID.ordinal()] = ids[0];
      r[QuarantineCol.CONF_ID.ordinal()] = ids[1];
      r[QuarantineCol.UC_ID.ordinal()] = ids[2];
      r[QuarantineCol.SOURCE_PATH.ordinal()] = ids[3];
      r[QuarantineCol.USER_ID.ordinal()] = ids[4];
    }
    return r;
  }

  /** UTF-8 with replacement characters for invalid bytes, at most {@code maxChars} characters. */
  private String decode(byte[] raw, int length) {
    int take = Math.min(length, maxChars * 4);
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(raw, 0, take)).toString();
      return s.length() > maxChars ? s.substring(0, maxChars) : s;
    } catch (java.nio.charset.CharacterCodingException e) {
      return "";
    }
  }
}
