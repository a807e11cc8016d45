using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class JobSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "postings",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "postings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, search_text)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_postings_published_newest",
                table: "postings",
                columns: new[] { "published_at", "id" },
                descending: new bool[0],
                filter: "status = 3");

            migrationBuilder.CreateIndex(
                name: "ix_postings_published_pay",
                table: "postings",
                columns: new[] { "pay_max", "id" },
                descending: new bool[0],
                filter: "status = 3");

            migrationBuilder.CreateIndex(
                name: "ix_postings_published_search",
                table: "postings",
                column: "search_vector",
                filter: "status = 3")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_published_newest",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_published_pay",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_published_search",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "postings");
        }
    }
}
