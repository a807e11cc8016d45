using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class GroupIndexesInPinyinOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_group_college_graduate",
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
                name: "ix_persons_group_special_hardship",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_college_graduate",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 16) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_minimum_living_allowance",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 8) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_poor_labourer",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 256) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_reservoir_migrant",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 128) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_returning_migrant",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 64) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_rural_surplus_labour",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 32) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_closure_placed",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 4) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_laid_off",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 1) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_soe_unemployed",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 2) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_special_hardship",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 512) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" })
                .Annotation("Relational:Collation", new[] { "zh_pinyin", null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_group_college_graduate",
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
                name: "ix_persons_group_special_hardship",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_group_college_graduate",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 16) <> 0 AND cancelled_at IS NULL")
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
                name: "ix_persons_group_special_hardship",
                table: "persons",
                columns: new[] { "name", "id" },
                filter: "(priority_groups & 512) <> 0 AND cancelled_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code" });
        }
    }
}
