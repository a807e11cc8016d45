using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class RulesWorkingAgeCertifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "female_cadre",
                table: "persons",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "override_reason",
                table: "hardship_certifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "hardship_certifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_to",
                table: "hardship_certifications",
                type: "date",
                nullable: true);

            // Certifications become the one source of truth: an approved one holds from its
            // application date (what persons.hardship_certified_on held). The 4050 end date (the
            // person's retirement) is set on approval from now on; for older approvals the rules'
            // working-age criterion ends the status at retirement all the same.
            migrationBuilder.Sql("UPDATE hardship_certifications SET valid_from = application_date WHERE status = 2;");

            migrationBuilder.DropColumn(
                name: "hardship_certified_on",
                table: "persons");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "female_cadre",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "override_reason",
                table: "hardship_certifications");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "hardship_certifications");

            migrationBuilder.DropColumn(
                name: "valid_to",
                table: "hardship_certifications");

            migrationBuilder.AddColumn<DateOnly>(
                name: "hardship_certified_on",
                table: "persons",
                type: "date",
                nullable: true);
        }
    }
}
