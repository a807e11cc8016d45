using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// The pinyin name index holds live persons only (every ledger query carries the query filter's
    /// cancelled_at IS NULL), so a name search counts index-only and reads its page in order under
    /// row-level security, where its LIKE may not drive a scan (issue 16, docs/benchmarks.md).
    /// </summary>
    public partial class LiveNamePinyinIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_pinyin_id;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_persons_live_name_pinyin ON persons ((name COLLATE zh_pinyin), id) INCLUDE (region_code) WHERE cancelled_at IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_live_name_pinyin;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_persons_name_pinyin_id ON persons ((name COLLATE zh_pinyin), id) INCLUDE (region_code);");
        }
    }
}
