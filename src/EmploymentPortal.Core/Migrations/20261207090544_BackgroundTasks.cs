using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// Background work (docs/adr/0007): the table of tasks, behind the same wall as the other
    /// region-coded rows (row-level security on the requester's scope, migration RowLevelSecurity).
    /// </summary>
    public partial class BackgroundTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "background_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: true),
                    input = table.Column<byte[]>(type: "bytea", nullable: true),
                    done = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: true),
                    message = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    result_file = table.Column<byte[]>(type: "bytea", nullable: true),
                    result_file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    result_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_background_tasks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_background_tasks_region_code",
                table: "background_tasks",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_background_tasks_state_created_at",
                table: "background_tasks",
                columns: new[] { "state", "created_at" });

            migrationBuilder.Sql("""
                ALTER TABLE background_tasks ENABLE ROW LEVEL SECURITY;
                CREATE POLICY region_scope ON background_tasks USING (region_code >= portal_scope_low() AND region_code < portal_scope_high());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY region_scope ON background_tasks;");
            migrationBuilder.DropTable(
                name: "background_tasks");
        }
    }
}
