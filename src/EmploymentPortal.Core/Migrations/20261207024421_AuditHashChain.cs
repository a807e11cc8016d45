using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The tamper-evident audit trail and the least-privilege roles (docs/adr/0004): every audit
    /// row carries <c>seq</c>, <c>prev_hash</c> and <c>hash</c>, set by the trigger
    /// <c>audit_events_chain</c>; the rows already there are chained in id order here. The app's
    /// role may only INSERT and SELECT audit rows, and the read-only <c>portal_report</c> role sees
    /// the report rollups and nothing personal.
    /// </summary>
    public partial class AuditHashChain : Migration
    {
        /// <summary>The tables <see cref="DatabaseRoles.ReportRole"/> may read: rollups, public listings, reference data. No personal data, none under row-level security.</summary>
        public static readonly string[] ReportTables =
        [
            "report_calendar", "report_registration_days", "report_registration_months", "report_household_days",
            "report_household_months", "job_listings", "regions", "calendar_days",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(name: "seq", table: "audit_events", type: "bigint", nullable: true);
            migrationBuilder.AddColumn<byte[]>(name: "prev_hash", table: "audit_events", type: "bytea", nullable: true);
            migrationBuilder.AddColumn<byte[]>(name: "hash", table: "audit_events", type: "bytea", nullable: true);
            migrationBuilder.Sql(SqlFiles.Read("Audit/Sql/Triggers/audit_event_digest_v1.sql"));

            // The rows written before the chain, chained in id order (the order they were numbered).
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; prev bytea := decode(repeat('00', 32), 'hex'); n bigint := 0; BEGIN
                  FOR r IN SELECT id FROM audit_events ORDER BY id LOOP
                    n := n + 1;
                    UPDATE audit_events a SET seq = n, prev_hash = prev, hash = audit_event_digest(prev, n, a)
                    WHERE a.id = r.id RETURNING a.hash INTO prev;
                  END LOOP;
                END $$;
                ALTER TABLE audit_events ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
                """);
            migrationBuilder.CreateIndex(name: "ix_audit_events_seq", table: "audit_events", column: "seq", unique: true);

            // The chain's trigger reads the head of audit_events by the schema's name, never a temporary table of the caller's.
            migrationBuilder.Sql(SqlFiles.Read("Audit/Sql/Triggers/audit_events_chain_v1.sql"));
            migrationBuilder.Sql("DO $$ BEGIN EXECUTE format('ALTER FUNCTION audit_events_chain() SET search_path = %I, pg_temp', current_schema()); END $$;");
            migrationBuilder.Sql(SqlFiles.Read("Audit/Sql/Triggers/audit_events_triggers_v1.sql"));

            // The app appends to the trail and reads it; it can neither change nor remove a row, nor create anything.
            migrationBuilder.Sql($"""
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {RowSecurity.AppRole};
                DO $$ BEGIN
                  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, {RowSecurity.AppRole}', current_schema());
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DatabaseRoles.ReportRole}') THEN
                    CREATE ROLE {DatabaseRoles.ReportRole} NOLOGIN;
                  END IF;
                  EXECUTE format('GRANT USAGE ON SCHEMA %I TO {DatabaseRoles.ReportRole}', current_schema());
                END $$;
                GRANT SELECT ON {string.Join(", ", ReportTables)} TO {DatabaseRoles.ReportRole};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                REVOKE SELECT ON {string.Join(", ", ReportTables)} FROM {DatabaseRoles.ReportRole};
                DO $$ BEGIN EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM {DatabaseRoles.ReportRole}', current_schema()); END $$;
                GRANT UPDATE, DELETE ON audit_events TO {RowSecurity.AppRole};
                DROP TRIGGER audit_events_chain ON audit_events;
                DROP FUNCTION audit_events_chain();
                """);
            migrationBuilder.DropIndex(name: "ix_audit_events_seq", table: "audit_events");
            migrationBuilder.Sql("DROP FUNCTION audit_event_digest(bytea, bigint, audit_events);");
            migrationBuilder.DropColumn(name: "hash", table: "audit_events");
            migrationBuilder.DropColumn(name: "prev_hash", table: "audit_events");
            migrationBuilder.DropColumn(name: "seq", table: "audit_events");
        }
    }
}
