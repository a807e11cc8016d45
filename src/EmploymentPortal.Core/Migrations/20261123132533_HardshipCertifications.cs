using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class HardshipCertifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "hardship_certified_on",
                table: "persons",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hardship_certifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    application_date = table.Column<DateOnly>(type: "date", nullable: false),
                    check_decision = table.Column<short>(type: "smallint", nullable: false),
                    check_summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hardship_certifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_hardship_certifications_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hardship_certifications_person_id_requested_at",
                table: "hardship_certifications",
                columns: new[] { "person_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hardship_certifications_region_code_status_requested_at",
                table: "hardship_certifications",
                columns: new[] { "region_code", "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ux_hardship_certifications_open",
                table: "hardship_certifications",
                columns: new[] { "person_id", "category" },
                unique: true,
                filter: "status = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hardship_certifications");

            migrationBuilder.DropColumn(
                name: "hardship_certified_on",
                table: "persons");
        }
    }
}
