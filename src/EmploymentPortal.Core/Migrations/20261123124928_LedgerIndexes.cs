using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class LedgerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_region_code_name",
                table: "persons");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "persons",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50);

            migrationBuilder.CreateIndex(
                name: "ix_unemployment_registrations_person_id_registered_on",
                table: "unemployment_registrations",
                columns: new[] { "person_id", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_person_id_requested_at",
                table: "transfer_requests",
                columns: new[] { "person_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_employment_status_region_code",
                table: "persons",
                columns: new[] { "employment_status", "region_code" })
                .Annotation("Npgsql:IndexInclude", new[] { "sex", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_id",
                table: "persons",
                columns: new[] { "name", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_region_code",
                table: "persons",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_unemployment_registrations_person_id_registered_on",
                table: "unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "ix_transfer_requests_person_id_requested_at",
                table: "transfer_requests");

            migrationBuilder.DropIndex(
                name: "ix_persons_employment_status_region_code",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_name_id",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_region_code",
                table: "persons");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "persons",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "ix_persons_region_code_name",
                table: "persons",
                columns: new[] { "region_code", "name" });
        }
    }
}
