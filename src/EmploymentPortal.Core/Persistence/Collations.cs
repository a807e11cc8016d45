namespace EmploymentPortal.Core.Persistence;

/// <summary>Database collations the queries name.</summary>
public static class Collations
{
    /// <summary>
    /// Chinese names in pinyin order (ICU <c>zh-u-co-pinyin</c>: 甲 jiǎ before 乙 yǐ, 王 before 张),
    /// created by migration PinyinNameOrder with an index on persons' names in it. Sort names shown
    /// to people with <c>EF.Functions.Collate(name, Collations.Pinyin)</c>; the column's own "C"
    /// collation stays for prefix search.
    /// </summary>
    public const string Pinyin = "zh_pinyin";
}
