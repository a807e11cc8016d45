using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The policies' scope and account functions read values the connection was told, without
    /// working anything out per row. PostgreSQL inlines these SQL functions into every policy, so
    /// wherever the region code is not an index condition (a filter on an index's included column,
    /// a heap filter) each row evaluated the two CASE expressions of <see cref="RowLevelSecurity"/>,
    /// with their pattern match: a priority group's count over a street read 45,140 index entries in
    /// 29 ms under the policy against 4 ms without it. The connection is now told the scope's range
    /// as well as its name (<see cref="RowSecurity.Bounds"/>), and the functions return the two
    /// bounds (7 ms). Being stable, they are still folded for the planner's estimates and usable as
    /// index conditions. What the policies select is unchanged: an unset or reset bound selects
    /// nothing (no code is &lt; '', and NULL compares to nothing).
    /// </summary>
    public partial class ScopeBoundsSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION portal_scope_low() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT current_setting('{{RowSecurity.ScopeLowSetting}}', true) $$;
                CREATE OR REPLACE FUNCTION portal_scope_high() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT current_setting('{{RowSecurity.ScopeHighSetting}}', true) $$;
                CREATE OR REPLACE FUNCTION portal_account() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT nullif(current_setting('{{RowSecurity.AccountSetting}}', true), '')::uuid $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION portal_scope_low() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) = 'all' THEN ''
                              WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) ~ '^[0-9]{2,12}$' THEN current_setting('{{RowSecurity.ScopeSetting}}', true)
                              ELSE 'z' END $$;
                CREATE OR REPLACE FUNCTION portal_scope_high() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) = 'all' THEN 'zz'
                              WHEN current_setting('{{RowSecurity.ScopeSetting}}', true) ~ '^[0-9]{2,12}$' THEN current_setting('{{RowSecurity.ScopeSetting}}', true) || 'z'
                              ELSE '' END $$;
                CREATE OR REPLACE FUNCTION portal_account() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN current_setting('{{RowSecurity.AccountSetting}}', true) ~ '^[0-9a-f-]{36}$'
                              THEN current_setting('{{RowSecurity.AccountSetting}}', true)::uuid END $$;
                """);
        }
    }
}
