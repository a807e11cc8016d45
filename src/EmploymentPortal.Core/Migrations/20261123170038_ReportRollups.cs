using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        // Added to both rollups of registration events (per day and per month) by the triggers.
        private const string RegistrationColumns = "opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out";

        internal static string UpsertRegistrationEvents(string events) => $"""
            WITH e AS ({events}),
            d AS (
                SELECT region_code, day, sum(sign * opened) AS opened, sum(sign * ended) AS ended, sum(sign * reemployed) AS reemployed,
                       sum(sign * long_term_in) AS long_term_in, sum(sign * long_term_out) AS long_term_out,
                       sum(sign * age_in) AS age_in, sum(sign * age_out) AS age_out,
                       sum(sign * low_education_in) AS low_education_in, sum(sign * low_education_out) AS low_education_out
                FROM e GROUP BY region_code, day),
            m AS (
                INSERT INTO report_registration_months AS t (region_code, month, {RegistrationColumns})
                SELECT region_code, date_trunc('month', day)::date, sum(opened), sum(ended), sum(reemployed), sum(long_term_in), sum(long_term_out),
                       sum(age_in), sum(age_out), sum(low_education_in), sum(low_education_out)
                FROM d GROUP BY region_code, date_trunc('month', day)::date
                ON CONFLICT (region_code, month) DO UPDATE SET {Adds()})
            INSERT INTO report_registration_days AS t (region_code, day, {RegistrationColumns})
            SELECT region_code, day, {RegistrationColumns} FROM d
            ON CONFLICT (region_code, day) DO UPDATE SET {Adds()};
            """;

        private static string Adds() => string.Join(", ", RegistrationColumns.Split(", ").Select(c => $"{c} = t.{c} + excluded.{c}"));

        internal static string Events(int sign, string registrations, string persons, string join) => $"""
            SELECT {sign} AS sign, ev.* FROM {registrations} r JOIN {persons} p ON {join},
            LATERAL report_registration_events(r.region_code, r.registered_on, r.ended_on, r.end_reason, p.birth_date, p.sex, p.education) ev
            """;

        // The registrations' events, each joined to its person by `join` (which persons count).
        internal static string RegistrationsChangedFunction(string join) => $"""
            CREATE OR REPLACE FUNCTION report_registrations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    {UpsertRegistrationEvents(Events(1, "changed", "persons", join))}
                ELSIF TG_OP = 'UPDATE' THEN
                    {UpsertRegistrationEvents(Events(-1, "previous", "persons", join) + " UNION ALL " + Events(1, "changed", "persons", join))}
                ELSE
                    {UpsertRegistrationEvents(Events(-1, "previous", "persons", join))}
                END IF;
                RETURN NULL;
            END $$;
            """;

        internal const string PersonDetailsChanged = "(o.education, o.birth_date, o.sex) IS DISTINCT FROM (n.education, n.birth_date, n.sex)";

        // A changed person takes their registrations' events out as they were (`leaving`: which old
        // rows) and puts them back as they are (`entering`: which new rows).
        internal static string PersonsChangedFunction(string leaving, string entering) => $"""
            CREATE OR REPLACE FUNCTION report_persons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {UpsertRegistrationEvents(
                    Events(-1, "unemployment_registrations", $"(SELECT o.* FROM previous o JOIN changed n ON n.id = o.id WHERE {leaving})", "p.id = r.person_id")
                    + " UNION ALL "
                    + Events(1, "unemployment_registrations", $"(SELECT n.* FROM previous o JOIN changed n ON n.id = o.id WHERE {entering})", "p.id = r.person_id"))}
                RETURN NULL;
            END $$;
            """;

        internal static string UpsertHouseholdEvents(string events) => $"""
            WITH e AS ({events}),
            d AS (SELECT region_code, day, status, sum(delta) AS households FROM e WHERE status <> 0 GROUP BY region_code, day, status),
            m AS (
                INSERT INTO report_household_months AS t (region_code, month, status, households)
                SELECT region_code, date_trunc('month', day)::date, status, sum(households) FROM d GROUP BY 1, 2, 3
                ON CONFLICT (region_code, month, status) DO UPDATE SET households = t.households + excluded.households)
            INSERT INTO report_household_days AS t (region_code, day, status, households)
            SELECT region_code, day, status, households FROM d
            ON CONFLICT (region_code, day, status) DO UPDATE SET households = t.households + excluded.households;
            """;

        // A status change leaves its "from" status and enters its "to" status on its date (0 = none).
        internal static string HouseholdEvents(int sign, string changes, string households, string join) => $"""
            SELECT h.region_code, c."on" AS day, c."from" AS status, {-sign} AS delta FROM {changes} c JOIN {households} h ON {join}
            UNION ALL
            SELECT h.region_code, c."on", c."to", {sign} FROM {changes} c JOIN {households} h ON {join}
            """;

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
            migrationBuilder.Sql($"""
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

                -- The dated events of one registration. End reasons 1 (employed) and 2 (self-employed)
                -- are re-employment; education 1 and 2 are junior high or below (EducationLevel).
                CREATE FUNCTION report_registration_events(
                    p_region character varying, p_registered date, p_ended date, p_reason smallint, p_birth date, p_sex smallint, p_education smallint)
                RETURNS TABLE (region_code character varying, day date, opened integer, ended integer, reemployed integer,
                               long_term_in integer, long_term_out integer, age_in integer, age_out integer,
                               low_education_in integer, low_education_out integer)
                LANGUAGE sql STABLE AS $$
                    WITH c AS (
                        SELECT (SELECT k.long_term FROM report_calendar k WHERE k.day = p_registered) AS long_term,
                               (SELECT CASE WHEN p_sex = 2 THEN k.women_4050 ELSE k.men_4050 END FROM report_calendar k WHERE k.day = p_birth) AS aged,
                               CASE WHEN p_education <= 2 THEN 1 ELSE 0 END AS low),
                    s AS (
                        SELECT c.long_term, CASE WHEN c.aged IS NULL THEN NULL ELSE GREATEST(p_registered, c.aged) END AS aged, c.low FROM c)
                    SELECT p_region, p_registered, 1, 0, 0, 0, 0, 0, 0, s.low, 0 FROM s
                    UNION ALL
                    SELECT p_region, p_ended, 0, 1, CASE WHEN p_reason IN (1, 2) THEN 1 ELSE 0 END,
                           0, CASE WHEN s.long_term < p_ended THEN 1 ELSE 0 END,
                           0, CASE WHEN s.aged < p_ended THEN 1 ELSE 0 END,
                           0, s.low
                    FROM s WHERE p_ended IS NOT NULL
                    UNION ALL
                    SELECT p_region, s.long_term, 0, 0, 0, 1, 0, 0, 0, 0, 0 FROM s WHERE s.long_term IS NOT NULL AND (p_ended IS NULL OR s.long_term < p_ended)
                    UNION ALL
                    SELECT p_region, s.aged, 0, 0, 0, 0, 0, 1, 0, 0, 0 FROM s WHERE s.aged IS NOT NULL AND (p_ended IS NULL OR s.aged < p_ended)
                $$;

                {RegistrationsChangedFunction("p.id = r.person_id")}
                CREATE TRIGGER report_registrations_inserted AFTER INSERT ON unemployment_registrations
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();
                CREATE TRIGGER report_registrations_updated AFTER UPDATE ON unemployment_registrations
                    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();
                CREATE TRIGGER report_registrations_deleted AFTER DELETE ON unemployment_registrations
                    REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();

                -- A person's education (or, by correction, birth date or sex) moves their registrations' events.
                {PersonsChangedFunction(PersonDetailsChanged, PersonDetailsChanged)}
                CREATE TRIGGER report_persons_updated AFTER UPDATE ON persons
                    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_persons_changed();

                CREATE FUNCTION report_household_changes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {UpsertHouseholdEvents(HouseholdEvents(1, "changed", "households", "h.id = c.household_id"))}
                    RETURN NULL;
                END $$;
                CREATE TRIGGER report_household_changes_inserted AFTER INSERT ON household_status_changes
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_household_changes_inserted();

                -- A household relocated to another community takes its status history with it.
                CREATE FUNCTION report_households_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {UpsertHouseholdEvents(
                        HouseholdEvents(-1, "household_status_changes", "(SELECT o.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code)", "h.id = c.household_id")
                        + " UNION ALL "
                        + HouseholdEvents(1, "household_status_changes", "(SELECT n.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code)", "h.id = c.household_id"))}
                    RETURN NULL;
                END $$;
                CREATE TRIGGER report_households_updated AFTER UPDATE ON households
                    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_households_changed();
                """);
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
