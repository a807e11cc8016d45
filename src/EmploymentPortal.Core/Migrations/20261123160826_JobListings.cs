using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class JobListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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

            // The public listing (docs/policy-rules.md, "Jobs: public search"): one narrow row per
            // public posting — published by a verified employer — kept by triggers, so that the
            // search reads neither the wide postings rows nor the employers. Its tsvector holds the
            // posting's text tokens and, as lexemes no text yields (they start with §), its area at
            // every level, its occupation category and middle category, and its type, so that area
            // and category filters go through the same GIN index as the keyword.
            migrationBuilder.Sql("""
                CREATE VIEW job_listing_source AS
                SELECT p.id AS posting_id, p.employer_id, p.region_id, p.region_code, p.occupation_code, p.type,
                       p.pay_min, p.pay_max, p.title, p.published_at, p.valid_to,
                       to_tsvector('simple'::regconfig, p.search_text) || array_to_tsvector(ARRAY[
                           '§' || left(p.region_code, 6), '§' || left(p.region_code, 9), '§' || p.region_code,
                           '§o' || split_part(p.occupation_code, '-', 1), '§o' || p.occupation_code, '§t' || p.type]) AS search_vector
                FROM postings p JOIN employers e ON e.id = p.employer_id
                WHERE p.status = 3 AND e.status = 2 AND p.published_at IS NOT NULL;

                CREATE TABLE job_listings (
                    posting_id uuid PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
                    employer_id uuid NOT NULL,
                    region_id integer NOT NULL,
                    region_code character varying(12) COLLATE "C" NOT NULL,
                    occupation_code character varying(10) COLLATE "C" NOT NULL,
                    type smallint NOT NULL,
                    pay_min integer NOT NULL,
                    pay_max integer NOT NULL,
                    title character varying(60) NOT NULL,
                    published_at timestamp with time zone NOT NULL,
                    valid_to date NOT NULL,
                    search_vector tsvector NOT NULL);
                CREATE INDEX ix_job_listings_search ON job_listings USING gin (search_vector);
                CREATE INDEX ix_job_listings_newest ON job_listings (published_at DESC, posting_id DESC);
                CREATE INDEX ix_job_listings_pay ON job_listings (pay_max DESC, posting_id DESC);
                CREATE INDEX ix_job_listings_employer ON job_listings (employer_id);
                INSERT INTO job_listings SELECT * FROM job_listing_source;
                """);

            // The triggers keeping it, as run then: files never edited (Jobs/Sql/Triggers/README.md).
            migrationBuilder.Sql(SqlFiles.Read("Jobs/Sql/Triggers/job_listings_postings_changed_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Jobs/Sql/Triggers/job_listings_employers_changed_v1.sql"));
            migrationBuilder.Sql(SqlFiles.Read("Jobs/Sql/Triggers/job_listings_triggers_v1.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER job_listings_employers_updated ON employers;
                DROP TRIGGER job_listings_postings_updated ON postings;
                DROP TRIGGER job_listings_postings_inserted ON postings;
                DROP FUNCTION job_listings_employers_changed();
                DROP FUNCTION job_listings_postings_changed();
                DROP TABLE job_listings;
                DROP VIEW job_listing_source;
                """);

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
    }
}
