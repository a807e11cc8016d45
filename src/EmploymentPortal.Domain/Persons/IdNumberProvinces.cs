using System.Collections.Frozen;

namespace EmploymentPortal.Domain.Persons;

/// <summary>
/// The two-digit province codes a resident ID number's address code can start with: the
/// province-level codes of GB/T 2260 in every revision since the first (1980), plus the codes the
/// Ministry of Public Security gives to Hong Kong, Macao and Taiwan residents' residence permits.
/// The address code is where the number was first issued and never changes, so a code stays valid
/// when its division is later renamed or merged. Sources and reasoning: docs/policy-rules.md,
/// "ID numbers: the province code".
/// </summary>
public static class IdNumberProvinces
{
    /// <summary>Every accepted code, in GB/T 2260 order.</summary>
    public static FrozenSet<string> Codes { get; } = new[]
    {
        "11", "12", "13", "14", "15",                   // 北京 天津 河北 山西 内蒙古 (华北)
        "21", "22", "23",                               // 辽宁 吉林 黑龙江 (东北)
        "31", "32", "33", "34", "35", "36", "37",       // 上海 江苏 浙江 安徽 福建 江西 山东 (华东)
        "41", "42", "43", "44", "45", "46",             // 河南 湖北 湖南 广东 广西 海南 (中南; 46 since 1988)
        "50", "51", "52", "53", "54",                   // 重庆 (since 1997) 四川 贵州 云南 西藏 (西南)
        "61", "62", "63", "64", "65",                   // 陕西 甘肃 青海 宁夏 新疆 (西北)
        "71",                                           // 台湾省 (GB/T 2260)
        "81", "82",                                     // 香港 澳门 (GB/T 2260; residence permits 810000, 820000)
        "83",                                           // Taiwan residents' residence permits 830000 (from 2018-09-01)
    }.ToFrozenSet(StringComparer.Ordinal);
}
