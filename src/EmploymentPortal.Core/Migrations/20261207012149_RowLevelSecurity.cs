using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// Row-level security, the second wall under the query filters (docs/adr/0003). The app's
    /// login belongs to <c>portal_app</c>, which owns nothing, so the policies apply to it; the
    /// owner that runs migrations bypasses them. Each connection is told its scope by
    /// <see cref="RowSecurity.Interceptor"/>.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <summary>Tables whose rows belong to the area of their <c>region_code</c>.</summary>
        public static readonly string[] RegionTables =
        [
            "org_units", "persons", "unemployment_registrations", "follow_ups", "households", "hardship_certifications",
            "subsidy_applications", "eligibility_candidates", "notices", "objections", "payments", "annual_targets",
            "employers", "postings", "seeker_links", "referrals", "posting_pushes", "job_fairs",
            "layoff_reports", "monitoring_points", "monitoring_filings",
        ];

        /// <summary>Tables without a region of their own, visible with their parent row (the parent's policy applies in the subquery).</summary>
        public static readonly (string Table, string Column, string Parent)[] ChildTables =
        [
            ("household_member_changes", "household_id", "households"),
            ("household_status_changes", "household_id", "households"),
            ("subsidy_application_actions", "application_id", "subsidy_applications"),
        ];

        /// <summary>Rows an employer or job-seeker account owns, besides their area's staff.</summary>
        public static readonly (string Table, string Condition)[] AccountRows =
        [
            ("employers", "account_id = portal_account()"),
            ("postings", "employer_id IN (SELECT e.id FROM employers e WHERE e.account_id = portal_account())"),
            ("layoff_reports", "employer_id IN (SELECT e.id FROM employers e WHERE e.account_id = portal_account())"),
            ("seeker_links", "account_id = portal_account()"),
        ];

        /// <summary>Derived tables the app rebuilds with TRUNCATE (report rollups, the public job listings).</summary>
        public static readonly string[] RebuiltTables =
        [
            "report_calendar", "report_registration_days", "report_registration_months", "report_household_days",
            "report_household_months", "job_listings",
        ];

        /// <summary>Alters every trigger function (and the rollup helper they call) with <paramref name="clause"/>, a <c>format</c> string after the function's name.</summary>
        private static string AlterTriggerFunctions(string clause) => $$"""
            DO $$ DECLARE f regprocedure; BEGIN
              FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
                       WHERE p.pronamespace = current_schema()::regnamespace
                         AND (p.prorettype = 'trigger'::regtype OR p.proname = 'report_registration_events')
              LOOP
                EXECUTE format('ALTER FUNCTION %s {{clause}}', f, current_schema());
              END LOOP;
            END $$;
            """;

        private static string InScope(string column) => $"({column} >= portal_scope_low() AND {column} < portal_scope_high())";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The scope as a B-tree range over the region code, so the region indexes serve it:
            // all = ['', 'zz'); a prefix p = [p, p||'z') (codes are digits, which sort before
            // letters in every collation); anything else, unset included, is the empty ['z', '').
            migrationBuilder.Sql($$"""
                CREATE FUNCTION portal_scope_low() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) = 'all' THEN ''
                              WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) ~ '^[0-9]{2,12}$' THEN current_setting('{{RowSecurity.ScopeSetting}}', true)
                              ELSE 'z' END $$;
                CREATE FUNCTION portal_scope_high() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) = 'all' THEN 'zz'
                              WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) ~ '^[0-9]{2,12}$' THEN current_setting('{{RowSecurity.ScopeSetting}}', true) || 'z'
                              ELSE '' END $$;
                CREATE FUNCTION portal_account() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.AccountSetting}}', true) ~ '^[0-9a-f-]{36}$'
                              THEN current_setting('{{RowSecurity.AccountSetting}}', true)::uuid END $$;
                """);

            // The app's group role: created here when the operator has not (docs/operations.md).
            migrationBuilder.Sql($"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RowSecurity.AppRole}') THEN
                    CREATE ROLE {RowSecurity.AppRole} NOLOGIN;
                  END IF;
                END $$;
                DO $$ BEGIN
                  EXECUTE format('GRANT USAGE ON SCHEMA %I TO {RowSecurity.AppRole}', current_schema());
                  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO {RowSecurity.AppRole}', current_schema());
                  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {RowSecurity.AppRole}', current_schema());
                  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {RowSecurity.AppRole}', current_schema());
                  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO {RowSecurity.AppRole}', current_schema());
                END $$;
                REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {RowSecurity.AppRole};
                GRANT TRUNCATE ON {string.Join(", ", RebuiltTables)} TO {RowSecurity.AppRole};
                """);

            foreach (var table in RegionTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY region_scope ON {table} USING {InScope("region_code")};
                    """);
            }

            migrationBuilder.Sql($"""
                ALTER TABLE transfer_requests ENABLE ROW LEVEL SECURITY;
                CREATE POLICY region_scope ON transfer_requests USING ({InScope("from_region_code")} OR {InScope("to_region_code")});
                """);

            foreach (var (table, column, parent) in ChildTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY with_parent ON {table} USING ({column} IN (SELECT p.id FROM {parent} p));
                    """);
            }

            foreach (var (table, condition) in AccountRows)
            {
                migrationBuilder.Sql($"CREATE POLICY account_own ON {table} USING ({condition});");
            }

            // Triggers keep derived tables whole (rollups, listings, household history) whatever
            // the writer's scope, so they run as their owner; views read as the caller.
            migrationBuilder.Sql(AlterTriggerFunctions("SECURITY DEFINER SET search_path = %I, pg_temp"));
            migrationBuilder.Sql("ALTER VIEW job_listing_source SET (security_invoker = true);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER VIEW job_listing_source RESET (security_invoker);");
            migrationBuilder.Sql(AlterTriggerFunctions("SECURITY INVOKER RESET search_path"));
            foreach (var (table, _) in AccountRows)
            {
                migrationBuilder.Sql($"DROP POLICY account_own ON {table};");
            }

            foreach (var (table, _, _) in ChildTables)
            {
                migrationBuilder.Sql($"DROP POLICY with_parent ON {table}; ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
            }

            foreach (var table in RegionTables.Append("transfer_requests"))
            {
                migrationBuilder.Sql($"DROP POLICY region_scope ON {table}; ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
            }

            migrationBuilder.Sql("DROP FUNCTION portal_scope_low(); DROP FUNCTION portal_scope_high(); DROP FUNCTION portal_account();");
        }
    }
}
