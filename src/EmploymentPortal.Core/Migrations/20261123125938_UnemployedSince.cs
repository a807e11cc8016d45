using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class UnemployedSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "unemployed_since",
                table: "persons",
                type: "date",
                nullable: true);

            // Existing open registrations: the person carries their start from now on.
            migrationBuilder.Sql("UPDATE persons p SET unemployed_since = r.registered_on FROM unemployment_registrations r WHERE r.person_id = p.id AND r.ended_on IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_persons_unemployed_since_region_code",
                table: "persons",
                columns: new[] { "unemployed_since", "region_code" },
                filter: "unemployed_since IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_unemployed_since_region_code",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "unemployed_since",
                table: "persons");
        }
    }
}
