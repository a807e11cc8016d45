using System.Text.Json;
using EmploymentPortal.Core.BackgroundWork;

namespace EmploymentPortal.Core.Persons;

/// <summary>The parameters of a background import.</summary>
public sealed record LedgerImportParameters(ImportMode Mode);

/// <summary>The parameters of a background export: the ledger's filters and the file's name.</summary>
public sealed record LedgerExportParameters(PersonListQuery Query, string FileName);

/// <summary>
/// The ledger import as background work: the stored upload read and checked as the page did
/// (<c>LedgerExcel.ImportAsync</c>, its audit event naming the requester), the rows checked
/// so far reported as progress; the result is the <see cref="ImportResult"/> as JSON.
/// </summary>
public sealed class LedgerImportWork(LedgerExcel excel) : IBackgroundWork
{
    public const string KindName = "ledger-import";

    public string Kind => KindName;

    public async Task<BackgroundWorkOutcome> RunAsync(BackgroundWorkContext context, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<LedgerImportParameters>(context.Parameters ?? "null")
            ?? throw new InvalidOperationException("An import task has no parameters.");
        using var file = new MemoryStream(context.Input ?? [], writable: false);
        var result = await excel.ImportAsync(file, parameters.Mode, cancellationToken, (done, total) => context.Report(done, total));
        return new BackgroundWorkOutcome(false, null, JsonSerializer.Serialize(result));
    }

    /// <summary>The import's result as its task stored it.</summary>
    public static ImportResult? ReadResult(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportResult>(json);
}

/// <summary>A large ledger export as background work: the file is kept with the task for its requester to download.</summary>
public sealed class LedgerExportWork(LedgerExcel excel) : IBackgroundWork
{
    public const string KindName = "ledger-export";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The text key of the message on an export over <see cref="LedgerExcel.MaxExportRows"/>.</summary>
    public const string TooManyKey = "Ledger.ExportTooMany";

    public string Kind => KindName;

    public async Task<BackgroundWorkOutcome> RunAsync(BackgroundWorkContext context, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<LedgerExportParameters>(context.Parameters ?? "null")
            ?? throw new InvalidOperationException("An export task has no parameters.");
        using var file = new MemoryStream();
        var rows = await excel.ExportAsync(parameters.Query, file, cancellationToken, (done, total) => context.Report(done, total));
        if (rows is not { } count)
        {
            return new BackgroundWorkOutcome(true, TooManyKey, null);
        }

        context.Report(count, count);
        return new BackgroundWorkOutcome(false, null, JsonSerializer.Serialize(new { rows = count }), file.ToArray(), parameters.FileName, ContentType);
    }
}
