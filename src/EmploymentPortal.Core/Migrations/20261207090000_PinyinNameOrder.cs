using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Core.Migrations
{
    /// <summary>
    /// Names in pinyin order (issue 16: 乙 sorted before 甲 in code-point order): the ICU collation
    /// <c>zh_pinyin</c> (<c>zh-u-co-pinyin</c>), and an index on persons' names in it beside the "C"
    /// one, of the same shape as <c>ix_persons_name_id</c> (name, id, including the region code), so
    /// the ledger's sort by name still reads the first page from an index at a million persons.
    /// The "C" index stays: it serves the name-prefix search (LIKE).
    /// </summary>
    public partial class PinyinNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE COLLATION IF NOT EXISTS zh_pinyin (provider = icu, locale = 'zh-u-co-pinyin');");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_persons_name_pinyin_id ON persons ((name COLLATE zh_pinyin), id) INCLUDE (region_code);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_pinyin_id;");
            migrationBuilder.Sql("DROP COLLATION IF EXISTS zh_pinyin;");
        }
    }
}
