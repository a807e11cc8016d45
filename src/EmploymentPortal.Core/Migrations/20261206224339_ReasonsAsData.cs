using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ReasonsAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A check's reasons become data (a code and typed arguments, docs/policy-rules.md "Explanations").
            // Checks stored before keep their two sentences as one "Legacy" reason each: they read as written then.
            migrationBuilder.AddColumn<short>(
                name: "judged_at",
                table: "subsidy_applications",
                type: "smallint",
                nullable: false,
                defaultValue: (short)1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "person_judged_on",
                table: "subsidy_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "check",
                table: "hardship_certifications",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE subsidy_applications SET person_judged_on = application_date;
                UPDATE subsidy_applications SET person_judged_on = (facts->>'ContractStart')::date, judged_at = 2
                 WHERE scheme_code IN ('CommunityJobDevelopment', 'SocialInsurance', 'PostSubsidy', 'JobIntroduction', 'EmployerHiring')
                   AND facts->>'ContractStart' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
                UPDATE subsidy_applications a SET "check" = COALESCE((
                    SELECT jsonb_agg(jsonb_build_object('Code', e->'Code', 'Outcome', e->'Outcome', 'Reason', jsonb_build_object(
                        'Code', 'Legacy', 'Args', jsonb_build_object('text', jsonb_build_object('type', 'legacy', 'Zh', e->'Zh', 'En', e->'En')))) ORDER BY n)
                    FROM jsonb_array_elements(a."check") WITH ORDINALITY AS t(e, n)), '[]'::jsonb)
                 WHERE jsonb_typeof(a."check") = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(a."check") x WHERE x ? 'Zh');
                UPDATE hardship_certifications h SET "check" = COALESCE((
                    SELECT jsonb_agg(jsonb_build_object(
                        'Code', 'Legacy',
                        'Outcome', CASE split_part(line, ':', 1) WHEN 'Met' THEN 1 WHEN 'NotMet' THEN 2 ELSE 3 END,
                        'Reason', jsonb_build_object('Code', 'Legacy', 'Args', jsonb_build_object('text', jsonb_build_object('type', 'legacy',
                            'Zh', trim(split_part(substr(line, strpos(line, ':') + 1), ' | ', 1)),
                            'En', trim(split_part(substr(line, strpos(line, ':') + 1), ' | ', 2)))))) ORDER BY n)
                    FROM unnest(string_to_array(h.check_summary, E'\n')) WITH ORDINALITY AS t(line, n)
                    WHERE line <> ''), '[]'::jsonb);
                """);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "person_judged_on",
                table: "subsidy_applications",
                type: "date",
                nullable: false,
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.DropColumn(
                name: "check_summary",
                table: "hardship_certifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "judged_at",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "person_judged_on",
                table: "subsidy_applications");

            migrationBuilder.DropColumn(
                name: "check",
                table: "hardship_certifications");

            migrationBuilder.AddColumn<string>(
                name: "check_summary",
                table: "hardship_certifications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }
    }
}
