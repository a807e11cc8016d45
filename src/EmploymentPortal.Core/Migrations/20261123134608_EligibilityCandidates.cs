using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class EligibilityCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_candidates",
                columns: table => new
                {
                    scheme_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    decision = table.Column<short>(type: "smallint", nullable: false),
                    missing_facts = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligibility_candidates", x => new { x.scheme_code, x.person_id });
                    table.ForeignKey(
                        name: "fk_eligibility_candidates_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_runs",
                columns: table => new
                {
                    region_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    persons = table.Column<int>(type: "integer", nullable: false),
                    evaluations = table.Column<long>(type: "bigint", nullable: false),
                    candidates = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligibility_runs", x => x.region_prefix);
                });

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_candidates_person_id",
                table: "eligibility_candidates",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_candidates_region_code_scheme_code",
                table: "eligibility_candidates",
                columns: new[] { "region_code", "scheme_code" });

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_candidates_scheme_code_region_code_person_id",
                table: "eligibility_candidates",
                columns: new[] { "scheme_code", "region_code", "person_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_candidates");

            migrationBuilder.DropTable(
                name: "eligibility_runs");
        }
    }
}
