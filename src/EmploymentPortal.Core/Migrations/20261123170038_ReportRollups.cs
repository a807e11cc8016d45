using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Report rollups (docs/policy-rules.md, "Reports"). Every figure "open on a date" is a
            // count of intervals [start, end) containing the date, so it is kept as dated entry and
            // exit events: registered = opened − ended; long-term from the day the registration
            // reaches the long-term duration; 4050 from the later of the registration date and the
            // day the person reaches the group's age; low education from the registration date.
            // The dates a duration or an age is reached come from report_calendar, which the portal
            // fills from the domain's Age.Reached and the policy parameters (ReportRollups.EnsureAsync),
            // never computed here. The triggers are statement-level and the rollups exact at commit.
            migrationBuilder.Sql("""
                CREATE TABLE report_calendar (
                    day date PRIMARY KEY,
                    women_4050 date NOT NULL,
                    men_4050 date NOT NULL,
                    long_term date NOT NULL);
                CREATE TABLE report_settings (
                    id integer PRIMARY KEY CHECK (id = 1),
                    women_4050_years integer NOT NULL,
                    men_4050_years integer NOT NULL,
                    long_term_months integer NOT NULL,
                    rebuilt_at timestamp with time zone NOT NULL);

                CREATE TABLE report_registration_days (
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    day date NOT NULL,
                    opened integer NOT NULL, ended integer NOT NULL, reemployed integer NOT NULL,
                    long_term_in integer NOT NULL, long_term_out integer NOT NULL,
                    age_in integer NOT NULL, age_out integer NOT NULL,
                    low_education_in integer NOT NULL, low_education_out integer NOT NULL,
                    PRIMARY KEY (region_code, day));
                CREATE TABLE report_registration_months (
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    month date NOT NULL,
                    opened integer NOT NULL, ended integer NOT NULL, reemployed integer NOT NULL,
                    long_term_in integer NOT NULL, long_term_out integer NOT NULL,
                    age_in integer NOT NULL, age_out integer NOT NULL,
                    low_education_in integer NOT NULL, low_education_out integer NOT NULL,
                    PRIMARY KEY (region_code, month));
                CREATE TABLE report_household_days (
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    day date NOT NULL,
                    status smallint NOT NULL,
                    households integer NOT NULL,
                    PRIMARY KEY (region_code, day, status));
                CREATE TABLE report_household_months (
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    month date NOT NULL,
                    status smallint NOT NULL,
                    households integer NOT NULL,
                    PRIMARY KEY (region_code, month, status));
                """);

            // The functions and triggers as run then: files never edited (Reports/Sql/Triggers/README.md).
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_registration_events_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_registrations_changed_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_persons_changed_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_household_changes_inserted_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_households_changed_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Reports/Sql/Triggers/report_rollups_triggers_v1.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER report_households_updated ON households;
                DROP TRIGGER report_household_changes_inserted ON household_status_changes;
                DROP TRIGGER report_persons_updated ON persons;
                DROP TRIGGER report_registrations_deleted ON unemployment_registrations;
                DROP TRIGGER report_registrations_updated ON unemployment_registrations;
                DROP TRIGGER report_registrations_inserted ON unemployment_registrations;
                DROP FUNCTION report_households_changed();
                DROP FUNCTION report_household_changes_inserted();
                DROP FUNCTION report_persons_changed();
                DROP FUNCTION report_registrations_changed();
                DROP FUNCTION report_registration_events(character varying, date, date, smallint, date, smallint, smallint);
                DROP TABLE report_household_months;
                DROP TABLE report_household_days;
                DROP TABLE report_registration_months;
                DROP TABLE report_registration_days;
                DROP TABLE report_settings;
                DROP TABLE report_calendar;
                """);
        }
    }
}
