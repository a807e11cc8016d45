using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class SeparationOfDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The split administration (三权分立, ADR 0005): the one Admin role becomes the system
            // administrator; the security and audit administrators' roles are created at start-up
            // with the others (PortalDatabaseInitializer). Holders of Admin keep their accounts.
            migrationBuilder.Sql("""
                UPDATE roles SET name = 'SystemAdmin', normalized_name = 'SYSTEMADMIN', concurrency_stamp = gen_random_uuid()::text
                WHERE normalized_name = 'ADMIN' AND NOT EXISTS (SELECT 1 FROM roles WHERE normalized_name = 'SYSTEMADMIN');
                """);

            migrationBuilder.AddColumn<decimal>(
                name: "pending_payment_amount",
                table: "subsidy_applications",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pending_payment_by_id",
                table: "subsidy_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_payment_by_name",
                table: "subsidy_applications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pending_payment_paid_on",
                table: "subsidy_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_payment_reference",
                table: "subsidy_applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "created_by_id",
                table: "postings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "edited_by_id",
                table: "postings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_by_name",
                table: "payments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "recorded_by_id",
                table: "payments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "entered_by_id",
                table: "employers",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE roles SET name = 'Admin', normalized_name = 'ADMIN', concurrency_stamp = gen_random_uuid()::text
                WHERE normalized_name = 'SYSTEMADMIN' AND NOT EXISTS (SELECT 1 FROM roles WHERE normalized_name = 'ADMIN');
                """);

            migrationBuilder.DropColumn(
                name: "pending_payment_amount",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "pending_payment_by_id",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "pending_payment_by_name",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "pending_payment_paid_on",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "pending_payment_reference",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "created_by_id",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "edited_by_id",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "confirmed_by_name",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "recorded_by_id",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "entered_by_id",
                table: "employers");
        }
    }
}
