using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class WorkbenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_persons_group_college_graduate",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 16) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_special_hardship",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 512) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_minimum_living_allowance",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 8) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_poor_labourer",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 256) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_reservoir_migrant",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 128) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_returning_migrant",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 64) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_rural_surplus_labour",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 32) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_closure_placed",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 4) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_laid_off",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 1) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_unemployed",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 2) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_name_id",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_birth_date_id",
                table: "persons",
                columns: new[] { "birth_date", "id" },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_created_at_id",
                table: "persons",
                columns: new[] { "created_at", "id" },
                descending: new[] { true, false },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons",
                columns: new[] { "employment_status", "region_code" },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "sex", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_unemployed_since_region_code",
                table: "persons",
                columns: new[] { "unemployed_since", "region_code" },
                filter: "unemployed_since IS NOT NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_region_code",
                table: "persons",
                column: "region_code",
                filter: "cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_push_due",
                table: "persons",
                column: "region_code",
                filter: "employment_status = 1 AND priority_groups <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_households_identified",
                table: "households",
                column: "region_code",
                filter: "status = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_group_college_graduate",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_special_hardship",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_minimum_living_allowance",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_poor_labourer",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_reservoir_migrant",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_returning_migrant",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_rural_surplus_labour",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_closure_placed",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_laid_off",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_unemployed",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_name_id",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_birth_date_id",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_created_at_id",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_unemployed_since_region_code",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_region_code",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_push_due",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_households_identified",
                table: "households");
        }
    }
}
