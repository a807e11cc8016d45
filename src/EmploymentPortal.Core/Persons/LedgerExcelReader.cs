using System.Globalization;
using MiniExcelLibs;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Reads an import file: the header row mapped to <see cref="LedgerColumns.Import"/> by its text
/// in either language, and the data rows up to the last one with anything in it. A file that
/// cannot be imported at all is refused here with the reason (unreadable, no rows, a required
/// column missing, too many rows).
/// </summary>
internal static class LedgerExcelReader
{
    public static LedgerSheetRead Read(Stream file, ILabelCatalog labels)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or System.Xml.XmlException)
        {
            return Refused(new ImportResult(0, 0, [], "Import.Unreadable"));
        }

        if (sheet.Count == 0)
        {
            return Refused(new ImportResult(0, 0, [], "Import.NoRows"));
        }

        // Map the header row's cells to the columns, by their text in either language.
        var columns = new Dictionary<LedgerColumn, string>();
        foreach (var (cell, value) in sheet[0])
        {
            var header = Text(value).TrimEnd('*', ' ');
            var column = LedgerColumns.Import.FirstOrDefault(c => labels.TextInAllCultures(c.Key).Contains(header, StringComparer.OrdinalIgnoreCase));
            if (column is not null)
            {
                columns[column] = cell;
            }
        }

        var missing = LedgerColumns.Import.Where(c => c.Required && !columns.ContainsKey(c)).Select(c => c.Title(labels)).ToList();
        if (missing.Count > 0)
        {
            return Refused(new ImportResult(0, 0, [new ImportRowError(1, string.Join("、", missing), "Import.MissingColumn")], "Import.MissingColumn"));
        }

        var dataRows = sheet.Count - 1;
        while (dataRows > 0 && sheet[dataRows].Values.All(v => Text(v).Length == 0))
        {
            dataRows--;
        }

        if (dataRows == 0)
        {
            return Refused(new ImportResult(0, 0, [], "Import.NoRows"));
        }

        if (dataRows > LedgerExcel.MaxImportRows)
        {
            return Refused(new ImportResult(dataRows, 0, [], "Import.TooManyRows"));
        }

        return new LedgerSheetRead(new LedgerSheet(sheet, columns, dataRows), null);
    }

    /// <summary>A cell as text; numbers typed into Excel (phones, codes) without exponent or decimals.</summary>
    internal static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    /// <summary>A date cell: an Excel date, a date serial number, or text as yyyy-MM-dd (or with slashes, or without leading zeros).</summary>
    internal static DateOnly? Date(object? value) => value switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        double serial when serial is > 0 and < 100_000 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        _ => DateOnly.TryParseExact(Text(value).Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
    };

    private static LedgerSheetRead Refused(ImportResult result) => new(null, result);
}

/// <summary>The sheet read, or the refusal of the whole file.</summary>
internal sealed record LedgerSheetRead(LedgerSheet? Sheet, ImportResult? Refusal);

/// <summary>The data rows of an import sheet, their cells found by column (row 1 is the header).</summary>
internal sealed class LedgerSheet(List<IDictionary<string, object?>> rows, Dictionary<LedgerColumn, string> columns, int dataRows)
{
    /// <summary>The number of data rows, the trailing empty ones left out.</summary>
    public int DataRows => dataRows;

    /// <summary>The data rows in order, each with its row number in the sheet (the first data row is row 2).</summary>
    public IEnumerable<LedgerSheetRow> Rows => Enumerable.Range(1, dataRows).Select(index => new LedgerSheetRow(index + 1, rows[index], columns));
}

/// <summary>One data row of the sheet.</summary>
internal sealed class LedgerSheetRow(int number, IDictionary<string, object?> cells, Dictionary<LedgerColumn, string> columns)
{
    /// <summary>The row's number in the sheet, as errors name it.</summary>
    public int Number => number;

    /// <summary>Nothing in any of the template's columns (the row is skipped).</summary>
    public bool IsEmpty => LedgerColumns.Import.All(c => Text(c).Length == 0);

    /// <summary>The column's cell as text; empty when the sheet has no such column or the cell is empty.</summary>
    public string Text(LedgerColumn column) =>
        columns.TryGetValue(column, out var key) && cells.TryGetValue(key, out var v) ? LedgerExcelReader.Text(v) : string.Empty;

    /// <summary>The column's cell as a date; null when absent or not a date.</summary>
    public DateOnly? Date(LedgerColumn column) =>
        columns.TryGetValue(column, out var key) && cells.TryGetValue(key, out var v) ? LedgerExcelReader.Date(v) : null;
}
