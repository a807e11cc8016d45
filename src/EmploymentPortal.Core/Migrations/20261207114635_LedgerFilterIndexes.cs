using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The ledger's filters read index entries, not rows (issue 16, item 8; docs/benchmarks.md):
    /// each priority group gets a region index beside its name-ordered one, so a group's count over
    /// an area reads that area's members only; the status index carries <c>female_cadre</c>, so the
    /// 40/50 count is index-only; and the live pinyin name index carries every column the ledger
    /// filters a name-ordered page by, so the page's 20 keys are found index-only
    /// (<c>PersonRegistry.ListAsync</c>) and only those 20 rows are read.
    /// </summary>
    public partial class LedgerFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_college_graduate_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 16) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_minimum_living_allowance_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 8) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_poor_labourer_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 256) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_reservoir_migrant_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 128) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_returning_migrant_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 64) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_rural_surplus_labour_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 32) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_closure_placed_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 4) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_laid_off_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 1) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_unemployed_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 2) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_special_hardship_region",
                table: "persons",
                column: "region_code",
                filter: "(priority_groups & 512) <> 0 AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons",
                columns: new[] { "employment_status", "region_code" },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "sex", "birth_date", "female_cadre" });

            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_live_name_pinyin;");
            migrationBuilder.Sql("CREATE INDEX ix_persons_live_name_pinyin ON persons ((name COLLATE zh_pinyin), id) INCLUDE (region_code, employment_status, sex, birth_date, female_cadre, unemployed_since) WHERE cancelled_at IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_live_name_pinyin;");
            migrationBuilder.Sql("CREATE INDEX ix_persons_live_name_pinyin ON persons ((name COLLATE zh_pinyin), id) INCLUDE (region_code) WHERE cancelled_at IS NULL;");
            migrationBuilder.DropIndex(
                name: "ix_persons_group_college_graduate_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_minimum_living_allowance_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_poor_labourer_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_reservoir_migrant_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_returning_migrant_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_rural_surplus_labour_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_closure_placed_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_laid_off_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_soe_unemployed_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_group_special_hardship_region",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_live_employment_status_region_code",
                table: "persons",
                columns: new[] { "employment_status", "region_code" },
                filter: "cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "sex", "birth_date" });
        }
    }
}
