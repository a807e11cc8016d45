using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace EmploymentPortal.Core.Persons;

/// <summary>An in-cell drop-down list: the cells (<c>E2:E50001</c>) and where their allowed values are (<c>'Sheet'!$B$2:$B$5</c>).</summary>
internal sealed record XlsxListValidation(string Cells, string ValuesRange);

/// <summary>
/// Adds Excel data validation (in-cell drop-down lists) to a worksheet of an .xlsx that MiniExcel
/// wrote, which it cannot itself: the sheet's XML gets a <c>dataValidations</c> element in the
/// place the schema gives it (ECMA-376 part 1, 18.3.1.99 worksheet: after <c>sheetData</c> and the
/// elements before it, before <c>hyperlinks</c>, <c>pageMargins</c> and the rest).
/// </summary>
internal static partial class XlsxDataValidation
{
    /// <summary>The worksheet elements that come after <c>dataValidations</c>.</summary>
    private static readonly string[] After =
    [
        "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
        "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects",
        "controls", "webPublishItems", "tableParts", "extLst",
    ];

    /// <summary>Returns <paramref name="xlsx"/> with the lists added to its <paramref name="sheetNumber"/>th worksheet (1-based, as MiniExcel numbers them).</summary>
    public static byte[] AddLists(byte[] xlsx, int sheetNumber, IReadOnlyList<XlsxListValidation> lists, string errorTitle, string error)
    {
        if (lists.Count == 0)
        {
            return xlsx;
        }

        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry($"xl/worksheets/sheet{sheetNumber}.xml")
                ?? throw new InvalidOperationException($"The workbook has no sheet {sheetNumber}.");
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var written = zip.CreateEntry($"xl/worksheets/sheet{sheetNumber}.xml", CompressionLevel.Optimal);
            using var writer = new StreamWriter(written.Open(), new UTF8Encoding(false));
            writer.Write(Insert(xml, lists, errorTitle, error));
        }

        return buffer.ToArray();
    }

    internal static string Insert(string sheetXml, IReadOnlyList<XlsxListValidation> lists, string errorTitle, string error)
    {
        var prefix = RootPrefix().Match(sheetXml) is { Success: true } root ? root.Groups[1].Value : string.Empty;
        var element = new StringBuilder().Append('<').Append(prefix).Append("dataValidations count=\"").Append(lists.Count).Append("\">");
        foreach (var list in lists)
        {
            element.Append('<').Append(prefix).Append("dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"")
                .Append(SecurityElement.Escape(errorTitle)).Append("\" error=\"").Append(SecurityElement.Escape(error))
                .Append("\" sqref=\"").Append(list.Cells).Append("\"><").Append(prefix).Append("formula1>")
                .Append(list.ValuesRange.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)).Append("</").Append(prefix).Append("formula1></")
                .Append(prefix).Append("dataValidation>");
        }

        element.Append("</").Append(prefix).Append("dataValidations>");
        var at = After.Select(name => sheetXml.IndexOf("<" + prefix + name, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(sheetXml.LastIndexOf("</" + prefix + "worksheet>", StringComparison.Ordinal)).Min();
        return sheetXml.Insert(at, element.ToString());
    }

    [GeneratedRegex("<(\\w+:)?worksheet[\\s>]")]
    private static partial Regex RootPrefix();
}
