package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.sessions}: one row per (app, conference, user session, landing date). */
public enum SessionCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  DEVICE_ID(opt(STRING, SilverColumns.DEVICE_ID)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  ENDPOINT_TYPE(opt(STRING, "peer (a client) or server (a bridge or gateway)")),
  CLIENT_KIND(opt(STRING, "browser, native (an SDK) or server")),
  BROWSER(opt(STRING, "Browser name for browser clients (Chrome, Firefox, Safari, Edge...)")),
  BROWSER_VERSION(opt(STRING, "Browser version")),
  BROWSER_MAJOR(opt(STRING, "Browser major version")),
  SDK(opt(STRING, "Native SDK name for native clients")),
  SDK_VERSION(opt(STRING, "Native SDK version")),
  OS(opt(STRING, "Operating system")),
  OS_VERSION(opt(STRING, "Operating system version")),
  APP_VERSION(opt(STRING, "Version of the app")),
  USER_AGENT(opt(STRING, "User agent string (rtcstats)")),
  STATS_FORMAT(opt(STRING, "getStats format: standard, chrome_standard, firefox, safari (rtcstats)")),
  SITE_ID(opt(STRING, "Site id (siteID)")),
  CUSTOMER_ID(opt(STRING, "additionalIDs.customerID")),
  TENANT_ID(opt(STRING, "additionalIDs.tenantID")),
  PRODUCT_NAME(opt(STRING, "additionalIDs.productName")),
  MEETINGS_NAME(opt(STRING, "additionalIDs.meetingsName")),
  SERVER_NAME(opt(STRING, "additionalIDs.serverName")),
  SESSION_ID(opt(STRING, "additionalIDs.sessionID")),
  COUNTRY(opt(STRING, "Country of the client, ISO 3166-1 alpha-2 (gateway geo lookup)")),
  REGION(opt(STRING, "Region code within the country (gateway geo lookup)")),
  ASN(opt(LONG, "Autonomous system number of the client's network")),
  ISP(opt(STRING, "Internet service provider of the client")),
  JOINED_TS(opt(TIMESTAMP, "Client time of the join (userJoined), UTC")),
  LEFT_TS(opt(TIMESTAMP, "Client time of the explicit leave (user/left), UTC")),
  FIRST_SEEN(req(TIMESTAMP, "First record of the session received on this date (gateway clock)")),
  LAST_SEEN(req(TIMESTAMP, "Last record of the session received on this date (gateway clock)")),
  FIRST_CLIENT_TS(opt(TIMESTAMP, "Earliest client timestamp of the session's in-call records on this date (post-call "
      + "feedback excluded); null when the date holds only feedback")),
  LAST_CLIENT_TS(opt(TIMESTAMP, "Latest client timestamp of the session's in-call records on this date (post-call "
      + "feedback excluded: it does not extend the time in call); null when the date holds only feedback")),
  CLOCK_OFFSET_MS(req(LONG, "Median of received_at minus client time over the session's records, ms: "
      + "add it to client times to correct a skewed client clock (includes upload delay)")),
  RECORDS(req(LONG, "Records of the session accepted on this date"));

  private final ColumnInfo info;

  SessionCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
