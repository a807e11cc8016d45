using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// Bulk writes back to their speed (issue 15; docs/benchmarks.md, "The ledger import through the page"):
    /// <list type="bullet">
    /// <item>the audit chain reads its head once per transaction (<c>audit_events_chain_v2.sql</c>);</item>
    /// <item>the statement-level trigger functions (rollups, job listings) are planned for the rows
    /// of one change: no JIT (its compilation, about 0.3 s, outweighed the work) and index probes
    /// priced as on solid-state storage, so the changed rows are joined to the register by key
    /// rather than by a scan of every person;</item>
    /// <item><c>report_registration_events</c> is again an ordinary SQL function that the planner
    /// inlines. Migration RowLevelSecurity had made it SECURITY DEFINER with its own search_path,
    /// which forbids inlining and doubled the rollup's cost; it is only called from the trigger
    /// functions, which already run as their owner, and from the owner's rebuild.</item>
    /// </list>
    /// </summary>
    public partial class ChainHeadAndTriggerPlans : Migration
    {
        private const string RegistrationEvents =
            "report_registration_events(character varying, date, date, smallint, date, smallint, smallint)";

        /// <summary>Applies <paramref name="clause"/> to every function that a statement-level trigger of the schema runs.</summary>
        private static string AlterStatementTriggerFunctions(string clause) => $$"""
            DO $$ DECLARE f regprocedure; BEGIN
              FOR f IN SELECT DISTINCT t.tgfoid::regprocedure FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                       WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgtype & 1 = 0
              LOOP
                EXECUTE format('ALTER FUNCTION %s {{clause}}', f);
              END LOOP;
            END $$;
            """;

        private static string ChainSearchPath =>
            "DO $$ BEGIN EXECUTE format('ALTER FUNCTION audit_events_chain() SET search_path = %I, pg_temp', current_schema()); END $$;";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CREATE OR REPLACE drops the function's settings: its search_path is set again.
            migrationBuilder.Sql(SqlFiles.Read("Audit/Sql/Triggers/audit_events_chain_v2.sql"));
            migrationBuilder.Sql(ChainSearchPath);
            migrationBuilder.Sql(AlterStatementTriggerFunctions("SET jit = off SET random_page_cost = 1.1"));
            migrationBuilder.Sql($"ALTER FUNCTION {RegistrationEvents} SECURITY INVOKER RESET search_path;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DO $$ BEGIN EXECUTE format('ALTER FUNCTION {RegistrationEvents} SECURITY DEFINER SET search_path = %I, pg_temp', current_schema()); END $$;");
            migrationBuilder.Sql(AlterStatementTriggerFunctions("RESET jit RESET random_page_cost"));
            migrationBuilder.Sql(SqlFiles.Read("Audit/Sql/Triggers/audit_events_chain_v1.sql").Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
            migrationBuilder.Sql(ChainSearchPath);
        }
    }
}
