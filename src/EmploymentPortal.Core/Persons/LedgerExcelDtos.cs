namespace EmploymentPortal.Core.Persons;

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
