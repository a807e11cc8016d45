using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_working_day = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    applicant_kind = table.Column<short>(type: "smallint", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    application_date = table.Column<DateOnly>(type: "date", nullable: false),
                    facts = table.Column<string>(type: "jsonb", nullable: false),
                    decision = table.Column<short>(type: "smallint", nullable: false),
                    check = table.Column<string>(type: "jsonb", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    duration_months = table.Column<int>(type: "integer", nullable: true),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    step_index = table.Column<int>(type: "integer", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_action_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_subsidy_applications_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_applications_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lodged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    resolved_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_objections_subsidy_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "subsidy_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    scheme_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_subsidy_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "subsidy_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_application_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    step_index = table.Column<int>(type: "integer", nullable: false),
                    step_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    action = table.Column<short>(type: "smallint", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_application_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_subsidy_application_actions_subsidy_applications_applicatio",
                        column: x => x.application_id,
                        principalTable: "subsidy_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notices_ends_on_closed",
                table: "notices",
                columns: new[] { "ends_on", "closed" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_starts_on",
                table: "notices",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_objections_application_id",
                table: "objections",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_notice_id",
                table: "objections",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_region_code_status",
                table: "objections",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_application_id",
                table: "payments",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_region_code_scheme_code",
                table: "payments",
                columns: new[] { "region_code", "scheme_code" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_application_actions_application_id_at",
                table: "subsidy_application_actions",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_applications_notice_id",
                table: "subsidy_applications",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_applications_person_id_scheme_code",
                table: "subsidy_applications",
                columns: new[] { "person_id", "scheme_code" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_applications_region_code_status_last_action_at",
                table: "subsidy_applications",
                columns: new[] { "region_code", "status", "last_action_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "objections");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "subsidy_application_actions");

            migrationBuilder.DropTable(
                name: "subsidy_applications");

            migrationBuilder.DropTable(
                name: "notices");
        }
    }
}
