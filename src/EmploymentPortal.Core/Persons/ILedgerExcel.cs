namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The ledger in and out of Excel: export of a filtered ledger (audited, masked, formula-safe),
/// the import template, and an import that checks every row before anything is written.
/// </summary>
public interface ILedgerExcel
{
    /// <summary>The most rows one export may hold; narrower filters are asked for beyond it.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>The most data rows one import file may hold.</summary>
    public const int MaxImportRows = 50_000;

    /// <summary>Writes the filtered ledger as .xlsx; null (and nothing written) when over <see cref="MaxExportRows"/>.</summary>
    Task<int?> ExportAsync(PersonListQuery query, Stream output, CancellationToken cancellationToken);

    /// <summary>The import template: headers in the caller's language, an example row, and the allowed values and community codes.</summary>
    Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken);

    Task<ImportResult> ImportAsync(Stream file, ImportMode mode, CancellationToken cancellationToken);
}

public enum ImportMode
{
    /// <summary>Import the valid rows and report the others.</summary>
    ValidRows = 1,

    /// <summary>Import nothing unless every row is valid.</summary>
    AllOrNothing = 2,
}

/// <summary>A rejected row: its row number in the sheet (the header is row 1), the column and the reason (a text key with arguments).</summary>
public sealed record ImportRowError(int Row, string Column, string MessageKey, string? Argument = null);

/// <summary>The outcome of an import; <see cref="FileErrorKey"/> is set when the file itself could not be read.</summary>
public sealed record ImportResult(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors, string? FileErrorKey = null)
{
    public int RejectedRows => Errors.Select(e => e.Row).Distinct().Count();
}

/// <summary>Labels of enum values as staff see them (both cultures), for Excel cells.</summary>
public interface ILabelCatalog
{
    /// <summary>The label in the current culture.</summary>
    string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum;

    /// <summary>Text in the current culture (headers, hints).</summary>
    string Text(string key);

    /// <summary>The text of a key in every supported culture (to accept headers in either language).</summary>
    IReadOnlyList<string> TextInAllCultures(string key);

    /// <summary>Accepts a label in any supported culture or the value's name.</summary>
    bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum;
}
