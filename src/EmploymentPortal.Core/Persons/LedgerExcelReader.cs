using System.Globalization;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Reads an import file as a stream of rows (<see cref="BoundedXlsxReader"/>): the header row
/// mapped to <see cref="LedgerColumns.Import"/> by its text in either language, then the data rows
/// that have anything in them, one at a time, stopping at the first row beyond
/// <see cref="LedgerExcel.MaxImportRows"/>. A file that cannot be imported at all is refused with
/// the reason (unreadable, out of bounds, no rows, a required column missing, too many rows).
/// </summary>
internal static class LedgerExcelReader
{
    /// <summary>Columns A to Z: the template's 14 and room for a few of the office's own; a cell beyond refuses the file.</summary>
    public const int MaxColumns = 26;

    /// <summary>
    /// Row numbers a genuine file may use beyond its header and <see cref="LedgerExcel.MaxImportRows"/>
    /// data rows: title lines above the header and blank lines between rows, as offices type them.
    /// (Missing row numbers cost nothing in the reader; the limit on rows is of non-empty rows.)
    /// </summary>
    public const int BlankRowAllowance = 1_000;

    /// <summary>The bounds of an import file: fixed columns, the header and <see cref="LedgerExcel.MaxImportRows"/> rows (with <see cref="BlankRowAllowance"/>), and a zip an honest sheet of that size fits in.</summary>
    public static readonly XlsxBounds Bounds = new(
        MaxColumns: MaxColumns,
        MaxRows: LedgerExcel.MaxImportRows + 1 + BlankRowAllowance,
        MaxEntries: 64,
        MaxUncompressedBytes: 256L * 1024 * 1024,
        MaxCompressionRatio: 100);

    /// <summary>Opens the file and reads its header; the sheet streams the data rows. The caller disposes the sheet.</summary>
    public static LedgerSheetRead Open(Stream file, ILabelCatalog labels, CancellationToken cancellationToken)
    {
        BoundedXlsxReader? reader = null;
        IEnumerator<XlsxRow>? rows = null;
        try
        {
            reader = BoundedXlsxReader.Open(file, Bounds);
            rows = reader.Rows(cancellationToken).GetEnumerator();
            if (!rows.MoveNext())
            {
                return Refused(new ImportResult(0, 0, [], "Import.NoRows"));
            }

            // Map the header row's cells to the columns, by their text in either language.
            var columns = new Dictionary<LedgerColumn, int>();
            var header = rows.Current.Cells;
            for (var index = 0; index < header.Length; index++)
            {
                var text = (TextInput.Clean(header[index]) ?? string.Empty).TrimEnd('*', ' ');
                var column = text.Length == 0 ? null : LedgerColumns.Import.FirstOrDefault(c => labels.TextInAllCultures(c.Key).Contains(text, StringComparer.OrdinalIgnoreCase));
                if (column is not null)
                {
                    columns.TryAdd(column, index);
                }
            }

            var missing = LedgerColumns.Import.Where(c => c.Required && !columns.ContainsKey(c)).Select(c => c.Title(labels)).ToList();
            if (missing.Count > 0)
            {
                return Refused(new ImportResult(0, 0, [new ImportRowError(1, string.Join("、", missing), "Import.MissingColumn")], "Import.MissingColumn"));
            }

            var sheet = new LedgerSheet(reader, rows, columns);
            reader = null;
            rows = null;
            return new LedgerSheetRead(sheet, null);
        }
        catch (XlsxRefusedException e)
        {
            return Refused(Refusal(e));
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return Refused(new ImportResult(0, 0, [], "Import.Unreadable"));
        }
        finally
        {
            rows?.Dispose();
            reader?.Dispose();
        }
    }

    /// <summary>The file's refusal for a bound it broke; the detail (a cell, a row) goes where the message names it.</summary>
    public static ImportResult Refusal(XlsxRefusedException e) =>
        new(0, 0, e.Detail is null ? [] : [new ImportRowError(0, e.Detail, e.MessageKey)], e.MessageKey);

    /// <summary>The exceptions of a file that is not a readable .xlsx (bad zip, bad XML, bad entry).</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or System.Xml.XmlException or IOException or NotSupportedException or FormatException;

    /// <summary>A cell as text: surrounding white space and zero-width characters removed; a number as written, without exponent or needless decimals.</summary>
    internal static string Text(string? value)
    {
        var text = TextInput.Clean(value);
        if (text is null)
        {
            return string.Empty;
        }

        return text.Contains('E', StringComparison.Ordinal) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.##########", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>A date cell: a date serial number (an Excel date), or text as yyyy-MM-dd (or with slashes, or without leading zeros).</summary>
    internal static DateOnly? Date(string? value)
    {
        var text = Text(value);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            return serial is > 0 and < 100_000 ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null;
        }

        return DateOnly.TryParseExact(text.Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static LedgerSheetRead Refused(ImportResult result) => new(null, result);
}

/// <summary>The sheet opened, or the refusal of the whole file.</summary>
internal sealed record LedgerSheetRead(LedgerSheet? Sheet, ImportResult? Refusal);

/// <summary>
/// The data rows of an import sheet, streamed: each non-empty row once, with its number in the
/// sheet (the header is row 1); the row after the last allowed one refuses the file
/// (<see cref="XlsxRefusedException"/> "Import.TooManyRows"). Enumerate once.
/// </summary>
internal sealed class LedgerSheet(BoundedXlsxReader reader, IEnumerator<XlsxRow> rows, Dictionary<LedgerColumn, int> columns) : IDisposable
{
    /// <summary>
    /// The data rows the sheet declares (its used range less the header row), for the progress bar
    /// while the rows are read; null when it declares none. Empty rows inside the range count here.
    /// </summary>
    public int? DeclaredRows => reader.DeclaredLastRow is { } last and > 1 ? Math.Min(last - 1, LedgerExcel.MaxImportRows) : null;

    /// <summary>The non-empty data rows in order.</summary>
    public IEnumerable<LedgerSheetRow> Rows()
    {
        var count = 0;
        while (rows.MoveNext())
        {
            var row = new LedgerSheetRow(rows.Current.Number, rows.Current.Cells, columns);
            if (row.IsEmpty)
            {
                continue;
            }

            if (++count > LedgerExcel.MaxImportRows)
            {
                throw new XlsxRefusedException("Import.TooManyRows");
            }

            yield return row;
        }
    }

    public void Dispose()
    {
        rows.Dispose();
        reader.Dispose();
    }
}

/// <summary>One data row of the sheet.</summary>
internal sealed class LedgerSheetRow(int number, string?[] cells, Dictionary<LedgerColumn, int> columns)
{
    /// <summary>The row's number in the sheet, as errors name it.</summary>
    public int Number => number;

    /// <summary>Nothing in any of the template's columns (the row is skipped).</summary>
    public bool IsEmpty => LedgerColumns.Import.All(c => Text(c).Length == 0);

    /// <summary>The column's cell as it is in the file (for the control-character check); null when absent.</summary>
    public string? Raw(LedgerColumn column) => columns.TryGetValue(column, out var index) ? cells[index] : null;

    /// <summary>The column's cell as text; empty when the sheet has no such column or the cell is empty.</summary>
    public string Text(LedgerColumn column) => LedgerExcelReader.Text(Raw(column));

    /// <summary>The column's cell as a date; null when absent or not a date.</summary>
    public DateOnly? Date(LedgerColumn column) => LedgerExcelReader.Date(Raw(column));
}
