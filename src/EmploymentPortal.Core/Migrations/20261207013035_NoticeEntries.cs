using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The notices' public read model (one row per application on a notice, masked). Notices
    /// published before it get their entries from <c>Subsidies.NoticeEntryBackfill</c>, run after
    /// the migrations, so the masking stays the one C# rule (<c>Notice.MaskName</c>).
    /// </summary>
    public partial class NoticeEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_entries",
                columns: table => new
                {
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    masked_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    masked_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    region_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_entries", x => x.application_id);
                    table.ForeignKey(
                        name: "fk_notice_entries_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notice_entries_subsidy_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "subsidy_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notice_entries_notice_id",
                table: "notice_entries",
                column: "notice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_entries");
        }
    }
}
