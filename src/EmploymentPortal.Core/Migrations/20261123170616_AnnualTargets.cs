using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class AnnualTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicator = table.Column<short>(type: "smallint", nullable: false),
                    value = table.Column<int>(type: "integer", nullable: false),
                    set_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_targets_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_targets_region_code_year_indicator",
                table: "annual_targets",
                columns: new[] { "region_code", "year", "indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_targets_region_id",
                table: "annual_targets",
                column: "region_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_targets");
        }
    }
}
