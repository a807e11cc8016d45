using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class JobSeekers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_applications_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_job_applications_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_job_applications_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "job_fairs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    employer_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_fairs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posting_pushes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    pushed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_pushes", x => x.id);
                    table.ForeignKey(
                        name: "fk_posting_pushes_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_posting_pushes_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<short>(type: "smallint", nullable: false),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: true),
                    by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referrals_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "saved_postings",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_postings", x => new { x.account_id, x.posting_id });
                    table.ForeignKey(
                        name: "fk_saved_postings_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_saved_postings_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seeker_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    wished_occupation_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true, collation: "C"),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seeker_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_seeker_links_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_seeker_links_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_seeker_links_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_applications_account_id",
                table: "job_applications",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_applications_person_id",
                table: "job_applications",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_applications_posting_id_account_id",
                table: "job_applications",
                columns: new[] { "posting_id", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_job_fairs_date",
                table: "job_fairs",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_posting_pushes_person_id_pushed_on",
                table: "posting_pushes",
                columns: new[] { "person_id", "pushed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_posting_pushes_posting_id",
                table: "posting_pushes",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_person_id",
                table: "referrals",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_posting_id",
                table: "referrals",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_region_code_referred_on",
                table: "referrals",
                columns: new[] { "region_code", "referred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_postings_posting_id",
                table: "saved_postings",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_seeker_links_account_live",
                table: "seeker_links",
                column: "account_id",
                unique: true,
                filter: "status <> 3");

            migrationBuilder.CreateIndex(
                name: "ix_seeker_links_person_id",
                table: "seeker_links",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_seeker_links_region_code_status",
                table: "seeker_links",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_seeker_links_region_id",
                table: "seeker_links",
                column: "region_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_applications");

            migrationBuilder.DropTable(
                name: "job_fairs");

            migrationBuilder.DropTable(
                name: "posting_pushes");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "saved_postings");

            migrationBuilder.DropTable(
                name: "seeker_links");
        }
    }
}
