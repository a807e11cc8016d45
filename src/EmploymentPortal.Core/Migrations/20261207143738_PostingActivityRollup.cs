using System;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The dashboards' postings published and filled come from a daily rollup, as the registry's
    /// figures do (issue 17: at a million postings the county dashboard counted them row by row,
    /// p50 740 ms under load). A posting now keeps the business day it was published
    /// (<c>published_on</c>, set by the app in its zone; rows published before this migration take
    /// the day of <c>published_at</c> in the default zone, Asia/Shanghai), and statement-level
    /// triggers keep <c>report_posting_days</c> exact at commit (<c>report_postings_*_v1.sql</c>).
    /// </summary>
    public partial class PostingActivityRollup : Migration
    {
        /// <summary>
        /// The rollup's first fill from the postings, as this migration ran it. <c>rollups_rebuild.sql</c>
        /// holds the same statement for later rebuilds; it may change, this text may not (a migration
        /// runs the same on a database migrated today and on one migrated long ago).
        /// </summary>
        private const string Fill = """
            INSERT INTO report_posting_days (region_code, day, published, filled)
            SELECT region_code, day, sum(published), sum(filled) FROM (
                SELECT region_code, published_on AS day, 1 AS published, 0 AS filled FROM postings WHERE published_on IS NOT NULL
                UNION ALL
                SELECT region_code, ended_on, 0, 1 FROM postings WHERE status = 5 AND ended_on IS NOT NULL) e
            GROUP BY region_code, day;
            """;

        private const string Function = "report_postings_changed()";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "published_on",
                table: "postings",
                type: "date",
                nullable: true);

            // The listing does not show the day: its trigger is off for the backfill.
            migrationBuilder.Sql($"""
                ALTER TABLE postings DISABLE TRIGGER job_listings_postings_updated;
                UPDATE postings SET published_on = (published_at AT TIME ZONE '{Domain.Common.BusinessClock.DefaultTimeZoneId}')::date WHERE published_at IS NOT NULL;
                ALTER TABLE postings ENABLE TRIGGER job_listings_postings_updated;
                CREATE TABLE report_posting_days (
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    day date NOT NULL,
                    published integer NOT NULL,
                    filled integer NOT NULL,
                    CONSTRAINT pk_report_posting_days PRIMARY KEY (region_code, day));
                GRANT TRUNCATE ON report_posting_days TO {RowSecurity.AppRole};
                GRANT SELECT ON report_posting_days TO {DatabaseRoles.ReportRole};
                """);
            migrationBuilder.Sql(Fill + "ANALYZE report_posting_days;");
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_postings_changed_v1.sql"));
            // As every statement-level trigger function since migrations RowLevelSecurity and ChainHeadAndTriggerPlans.
            migrationBuilder.Sql($"""
                DO $$ BEGIN EXECUTE format('ALTER FUNCTION {Function} SECURITY DEFINER SET search_path = %I, pg_temp SET jit = off SET random_page_cost = 1.1', current_schema()); END $$;
                """);
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_postings_triggers_v1.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER report_postings_inserted ON postings;
                DROP TRIGGER report_postings_updated ON postings;
                DROP TRIGGER report_postings_deleted ON postings;
                DROP FUNCTION {Function};
                DROP TABLE report_posting_days;
                """);
            migrationBuilder.DropColumn(
                name: "published_on",
                table: "postings");
        }
    }
}
