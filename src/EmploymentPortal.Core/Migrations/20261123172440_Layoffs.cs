using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class Layoffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "layoff_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    reduction_count = table.Column<int>(type: "integer", nullable: false),
                    workforce_count = table.Column<int>(type: "integer", nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reportable = table.Column<bool>(type: "boolean", nullable: false),
                    threshold_people = table.Column<int>(type: "integer", nullable: false),
                    threshold_share = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    acknowledgement_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    acknowledged_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layoff_reports", x => x.id);
                    table.CheckConstraint("ck_layoff_reports_counts", "reduction_count >= 1 AND reduction_count <= workforce_count");
                    table.ForeignKey(
                        name: "fk_layoff_reports_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    designated_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_points_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_filings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    employed_count = table.Column<int>(type: "integer", nullable: false),
                    newly_unemployed = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_filings", x => x.id);
                    table.CheckConstraint("ck_monitoring_filings_counts", "employed_count >= 0 AND newly_unemployed >= 0");
                    table.CheckConstraint("ck_monitoring_filings_month", "extract(day from month) = 1");
                    table.ForeignKey(
                        name: "fk_monitoring_filings_monitoring_points_point_id",
                        column: x => x.point_id,
                        principalTable: "monitoring_points",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_layoff_reports_employer_id",
                table: "layoff_reports",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_layoff_reports_region_code_reportable_filed_at",
                table: "layoff_reports",
                columns: new[] { "region_code", "reportable", "filed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_filings_point_id_month",
                table: "monitoring_filings",
                columns: new[] { "point_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_filings_region_code_month",
                table: "monitoring_filings",
                columns: new[] { "region_code", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_points_region_code",
                table: "monitoring_points",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_points_region_id",
                table: "monitoring_points",
                column: "region_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "layoff_reports");

            migrationBuilder.DropTable(
                name: "monitoring_filings");

            migrationBuilder.DropTable(
                name: "monitoring_points");
        }
    }
}
