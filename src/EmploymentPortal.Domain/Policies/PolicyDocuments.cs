using System.Text;
using System.Text.RegularExpressions;

namespace EmploymentPortal.Domain.Policies;

/// <summary>
/// One of the five source documents in <c>shared/policy-sources/</c>, as its stored copy heads it:
/// the title, the document number (文号) when the copy carries one, and who issued it and when.
/// </summary>
/// <param name="Code">The file's code ("003"), which the rules, parameters and docs cite.</param>
/// <param name="Title">The title as the copy gives it, or (<paramref name="TitleSupplied"/>) as its text names its subject.</param>
/// <param name="Number">The 文号, only when the stored copy shows one.</param>
/// <param name="Issuer">The issuing body or publisher the copy names.</param>
/// <param name="Date">The date the copy carries (signature, publication or posting).</param>
/// <param name="TitleSupplied">True when the copy has no title line and the title is taken from its opening sentence.</param>
public sealed record PolicyDocument(string Code, string Title, string? Number, string Issuer, string Date, bool TitleSupplied = false);

/// <summary>
/// The codes of the source documents mapped to their titles and numbers, in one place, and the
/// text a reader sees for a source written with codes ("003 §四(一)" →
/// 《关于印发推进社区就业再就业工作意见的通知》（连政发〔2003〕97号）第四部分第（一）项).
/// The codes stay in the data (rules, parameters, docs); only what is shown changes.
/// </summary>
public static partial class PolicyDocuments
{
    public static IReadOnlyList<PolicyDocument> All { get; } =
    [
        // 000: the copy starts at the addressees (各省、自治区、直辖市劳动和社会保障厅(局)) with no title or
        // number; its subject sentence is "进一步加大劳动保障部门对口支援三峡库区工作力度 … 现就有关事宜通知如下".
        new("000", "关于进一步加大劳动保障部门对口支援三峡库区工作力度的通知", null, "劳动和社会保障部", "", TitleSupplied: true),

        // 001: a news report, 2020-11-06 09:45, 来源：人力资源社会保障部网站.
        new("001", "各地多措并举 稳岗就业 助力脱贫", null, "人力资源社会保障部网站", "2020年11月6日"),

        // 002: a county leader's speech before the 16th Party Congress ("党的十六大即将召开", 2002).
        new("002", "在全县再就业工作会议上的讲话", null, "县人民政府", "2002年"),

        // 003: 索引号 k12498411/2003-00230, 发布机构 市政府办, 发文日期 2003-06-03, 文号 连政发〔2003〕97号.
        new("003", "关于印发推进社区就业再就业工作意见的通知", "连政发〔2003〕97号", "市人民政府", "2003年6月3日"),

        // 004: 劳保稳定就业工作通知, posted 2022-03-16, signed "*省劳动和社会保障厅办公室 *年*月*日", no number.
        new("004", "劳保稳定就业工作通知", null, "省劳动和社会保障厅", "2022年3月16日"),
    ];

    public static PolicyDocument? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>How a document is cited: 《title》（number）, or 《title》（issuer，date） when the copy has no number.</summary>
    public static string Cite(PolicyDocument document, bool chinese)
    {
        var origin = document.Number
            ?? (document.Date.Length > 0 ? $"{document.Issuer}，{document.Date}" : document.Issuer);
        return chinese
            ? $"《{document.Title}》（{origin}）"
            : $"“{document.Title}” ({origin})";
    }

    /// <summary>
    /// A source as a reader sees it: every "NNN §…" is replaced by the document's citation and its
    /// sections in Chinese form (第四部分第（一）项); in Chinese, half-width brackets, colons and
    /// semicolons of the rest around Chinese text become full-width. Text without codes is returned
    /// as written (apart from that punctuation).
    /// </summary>
    public static string Display(string source, bool chinese)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return source;
        }

        var text = CodeReference().Replace(source, m =>
        {
            if (Find(m.Groups["code"].Value) is not { } document)
            {
                return m.Value;
            }

            var sections = m.Groups["section"].Captures.Select(c => chinese ? Section(c.Value) : "§" + c.Value);
            var cited = Cite(document, chinese);
            var joined = string.Join(chinese ? "、" : ", ", sections);
            return joined.Length == 0 ? cited : cited + (chinese ? string.Empty : " ") + joined;
        });

        return chinese ? FullWidth(text) : text;
    }

    /// <summary>"四(一)" → 第四部分第（一）项; "二.4" → 第二部分第4项; "三(三)1" → 第三部分第（三）项第1目; "一" → 第一部分.</summary>
    public static string Section(string section)
    {
        var m = SectionParts().Match(section);
        if (!m.Success)
        {
            return section;
        }

        var result = new StringBuilder("第").Append(m.Groups["part"].Value).Append("部分");
        if (m.Groups["items"].Success && m.Groups["items"].Value.Length > 0)
        {
            result.Append('第').Append(m.Groups["items"].Value.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal)).Append('项');
            if (m.Groups["sub"].Value.Length > 0)
            {
                result.Append('第').Append(m.Groups["sub"].Value).Append('目');
            }
        }
        else if (m.Groups["dot"].Value.Length > 0)
        {
            result.Append('第').Append(m.Groups["dot"].Value).Append('项');
        }

        return result.ToString();
    }

    private static string FullWidth(string text)
    {
        // Brackets around text holding a Chinese character; ":" and ";" followed by a space.
        text = HalfWidthBrackets().Replace(text, m => HasCjk(m.Groups[1].Value) ? "（" + m.Groups[1].Value + "）" : m.Value);
        text = text.Replace("; ", "；", StringComparison.Ordinal).Replace(": ", "：", StringComparison.Ordinal);
        return HalfWidthComma().Replace(text, "$1，$2");
    }

    private static bool HasCjk(string s) => s.Any(c => c >= '\u4e00' && c <= '\u9fff');

    [GeneratedRegex(@"\b(?<code>00[0-4])\b(?:(?:\s*[,，]\s*|\s+)§(?<section>[一二三四五六七八九十]+(?:\.\d+|(?:\([一二三四五六七八九十]+\))+\d*)?))*")]
    private static partial Regex CodeReference();

    [GeneratedRegex(@"^(?<part>[一二三四五六七八九十]+)(?:\.(?<dot>\d+)|(?<items>(?:\([一二三四五六七八九十]+\))+)(?<sub>\d*))?$")]
    private static partial Regex SectionParts();

    [GeneratedRegex(@"\s?\(([^()]*)\)")]
    private static partial Regex HalfWidthBrackets();

    [GeneratedRegex(@"([\u4e00-\u9fff])\s?,\s?([\u4e00-\u9fff])")]
    private static partial Regex HalfWidthComma();
}
