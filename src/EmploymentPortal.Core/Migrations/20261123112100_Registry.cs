using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hukou = table.Column<short>(type: "smallint", nullable: false),
                    has_business_income = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    status_since = table.Column<DateOnly>(type: "date", nullable: true),
                    assistance_plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    assigned_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_staff_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_parameters",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_parameters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "household_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<short>(type: "smallint", nullable: false),
                    to = table.Column<short>(type: "smallint", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_household_status_changes_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    id_number_last_four = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<short>(type: "smallint", nullable: false),
                    phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hukou = table.Column<short>(type: "smallint", nullable: false),
                    education = table.Column<short>(type: "smallint", nullable: false),
                    skills = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    wished_occupation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    wished_monthly_pay = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    wished_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    wished_work_type = table.Column<short>(type: "smallint", nullable: true),
                    labor_capacity = table.Column<short>(type: "smallint", nullable: false),
                    wants_work = table.Column<bool>(type: "boolean", nullable: false),
                    employment_status = table.Column<short>(type: "smallint", nullable: false),
                    employment_history = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    priority_groups = table.Column<int>(type: "integer", nullable: false),
                    living_needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    relationship = table.Column<short>(type: "smallint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_persons_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_persons_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_ups_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unemployment_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<short>(type: "smallint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unemployment_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_unemployment_registrations_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_person_id_occurred_on",
                table: "follow_ups",
                columns: new[] { "person_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_household_status_changes_household_id",
                table: "household_status_changes",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_region_code_status",
                table: "households",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_households_region_id",
                table: "households",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_persons_household_id",
                table: "persons",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_persons_id_number_hash",
                table: "persons",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_region_code_name",
                table: "persons",
                columns: new[] { "region_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_region_id",
                table: "persons",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_parameters_key_effective_from",
                table: "policy_parameters",
                columns: new[] { "key", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unemployment_registrations_region_code_registered_on",
                table: "unemployment_registrations",
                columns: new[] { "region_code", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ux_unemployment_registrations_open_per_person",
                table: "unemployment_registrations",
                column: "person_id",
                unique: true,
                filter: "ended_on IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "household_status_changes");

            migrationBuilder.DropTable(
                name: "policy_parameters");

            migrationBuilder.DropTable(
                name: "unemployment_registrations");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
