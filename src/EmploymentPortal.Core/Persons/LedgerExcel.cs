using System.Globalization;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Npgsql;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The ledger in and out of .xlsx (MiniExcel), over the columns of <see cref="LedgerColumns"/>:
/// export of a filtered ledger, the import template, and an import that checks every row before
/// anything is written.
/// Export: masked numbers, formula-safe text, audited. Import: the file is read
/// (<see cref="LedgerExcelReader"/>), every row is checked (<see cref="LedgerExcelRowValidator"/>:
/// ID number, duplicates in the file, required fields, region in the caller's area), then against
/// the whole register, before anything is written; the valid rows go in with binary COPY
/// (<see cref="LedgerExcelWriter"/>: persons, their open unemployment registrations, one audit
/// event each) in one transaction.
/// </summary>
public sealed class LedgerExcel(
    PortalDbContext db,
    Persistence.Standby.ReadSide reads,
    UnscopedReads unscoped,
    IIdNumberProtector protector,
    PolicyParameterStore parameters,
    ILabelCatalog labels,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock,
    DuplicateAnswers duplicateAnswers,
    ImportGate gates,
    ILogger<LedgerExcel> logger,
    PortalMetrics metrics)
{
    /// <summary>The most rows one export may hold; narrower filters are asked for beyond it.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>The most data rows one import file may hold.</summary>
    public const int MaxImportRows = 50_000;

    private DateOnly Today => clock.Today;

    /// <summary>How many persons an export of <paramref name="query"/> would hold (the page sends a large one to the background).</summary>
    public async Task<int> ExportCountAsync(PersonListQuery query, CancellationToken cancellationToken) =>
        await reads.ReadAsync(
            async () =>
            {
                var ledger = await LedgerQuery.CreateAsync(reads.Db, protector, parameters, Today, cancellationToken);
                return await ledger.Filter(query).CountAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>
    /// Writes the filtered ledger as .xlsx; null (and nothing written) when over <see cref="MaxExportRows"/>.
    /// <paramref name="progress"/>, when given, hears (0, the count) once the persons are counted.
    /// </summary>
    public async Task<int?> ExportAsync(PersonListQuery query, Stream output, CancellationToken cancellationToken, Action<int, int?>? progress = null)
    {
        // The export's reads are on the read side (the standby when one is in use); its audit event on the primary.
        var rows = await reads.ReadAsync<List<PersonListItem>?>(
            async () =>
            {
                var ledger = await LedgerQuery.CreateAsync(reads.Db, protector, parameters, Today, cancellationToken);
                var persons = ledger.Filter(query);
                var count = await persons.CountAsync(cancellationToken);
                if (count > MaxExportRows)
                {
                    return null;
                }

                progress?.Invoke(0, count);
                return await ledger.RowsAsync(LedgerQuery.Sort(persons, query.Sort), cancellationToken);
            },
            cancellationToken);
        if (rows is null)
        {
            return null;
        }

        var sheet = rows.Select(r => Cells(LedgerColumns.Export, new Dictionary<LedgerColumn, object?>
        {
            [LedgerColumns.Name] = SafeText(r.Name),
            [LedgerColumns.IdNumber] = r.IdNumberMasked,
            [LedgerColumns.Sex] = labels.Label(r.Sex),
            [LedgerColumns.Age] = r.Age,
            [LedgerColumns.Phone] = r.PhoneMasked,
            [LedgerColumns.EmploymentStatus] = labels.Label(r.Status),
            [LedgerColumns.PriorityGroups] = string.Join("、", Enum.GetValues<PriorityGroups>().Where(g => g != PriorityGroups.None && r.Groups.HasFlag(g)).Select(labels.Label)),
            [LedgerColumns.RegionName] = SafeText(r.RegionName),
            [LedgerColumns.UnemploymentRegisteredOn] = r.RegisteredUnemployedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            [LedgerColumns.LongTerm] = r.LongTerm ? labels.Text("Common.Yes") : labels.Text("Common.No"),
        }, c => c.Title(labels)));
        await output.SaveAsAsync(sheet, sheetName: labels.Text("Nav.Ledger"), cancellationToken: cancellationToken);
        audit.Add("LedgerExported", "Ledger", "*", db.Scope.RegionPrefix, null, new { rows = rows.Count, filters = query with { Page = 0, PageSize = 0, Search = SearchTextMask.Mask(query.Search) } });
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// The import template: the headers in the caller's language and no data row (issue 16: no
    /// sample person to be imported by mistake); a second sheet of the allowed values and the
    /// communities of the caller's area; and in-cell drop-down lists on the coded columns that take
    /// their values from that sheet (<see cref="XlsxDataValidation"/>).
    /// </summary>
    public async Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken)
    {
        var regions = await RegionsInScopeAsync(cancellationToken);
        var headers = new System.Data.DataTable();
        foreach (var column in LedgerColumns.Import)
        {
            headers.Columns.Add(column.TemplateHeader(labels), typeof(string));
        }

        var allowed = new List<Dictionary<string, object?>>();
        var lists = new List<XlsxListValidation>();
        var allowedSheet = labels.Text("Import.AllowedSheet");
        void Allow(LedgerColumn column, IEnumerable<string> values)
        {
            var first = allowed.Count + 2;
            allowed.AddRange(values.Select(v => Row(column.Title(labels), v)));
            if (allowed.Count + 1 >= first)
            {
                var letter = (char)('A' + LedgerColumns.Import.ToList().IndexOf(column));
                lists.Add(new XlsxListValidation(
                    string.Create(CultureInfo.InvariantCulture, $"{letter}2:{letter}{MaxImportRows + 1}"),
                    string.Create(CultureInfo.InvariantCulture, $"'{allowedSheet.Replace("'", "''", StringComparison.Ordinal)}'!$B${first}:$B${allowed.Count + 1}")));
            }
        }

        void AllowEnum<TEnum>(LedgerColumn column)
            where TEnum : struct, Enum => Allow(column, Enum.GetValues<TEnum>().Select(v => labels.Label(v)));
        AllowEnum<HukouType>(LedgerColumns.Hukou);
        AllowEnum<EducationLevel>(LedgerColumns.Education);
        AllowEnum<EmploymentStatus>(LedgerColumns.EmploymentStatus);
        AllowEnum<LaborCapacity>(LedgerColumns.LaborCapacity);
        Allow(LedgerColumns.WantsWork, [labels.Text("Common.Yes"), labels.Text("Common.No")]);
        Allow(LedgerColumns.Region, regions.Select(r => $"{r.Code} {r.Name}"));
        var sheets = new Dictionary<string, object>
        {
            [labels.Text("Import.TemplateSheet")] = headers,
            [allowedSheet] = allowed,
        };
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        var withLists = XlsxDataValidation.AddLists(workbook.ToArray(), 1, lists, labels.Text("Import.PickTitle"), labels.Text("Import.PickFromList"));
        await output.WriteAsync(withLists, cancellationToken);

        Dictionary<string, object?> Row(string column, string value) =>
            new() { [labels.Text("Import.AllowedColumn")] = column, [labels.Text("Import.AllowedValue")] = value };
    }

    /// <summary>
    /// A sheet of <paramref name="rows"/> residents of a made-up community for <see cref="WarmUpAsync"/>:
    /// the template's example row with generated ID numbers.
    /// </summary>
    public async Task<byte[]> WarmUpSheetAsync(int rows, CancellationToken cancellationToken)
    {
        var birth = new DateOnly(1980, 1, 1);
        var generated = Enumerable.Range(0, rows).Select(i =>
        {
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{WarmUpCommunity[..6]}{birth.AddDays(i / 500):yyyyMMdd}{i % 500:000}");
            return ExampleRow(first17 + ResidentIdNumber.CheckCharacter(first17), "预热" + i.ToString(CultureInfo.InvariantCulture), WarmUpCommunity);
        });
        using var file = new MemoryStream();
        await file.SaveAsAsync(generated, cancellationToken: cancellationToken);
        return file.ToArray();
    }

    /// <summary>
    /// Does with a <see cref="WarmUpSheetAsync"/> sheet what an import does, and keeps nothing: reads
    /// it, checks every row, compiles the register lookup, and copies the persons and their
    /// registrations into the import's temporary tables in a transaction it rolls back. Run at
    /// start-up (<c>Portal:Import:WarmUpRows</c>) so that the first real import runs compiled code
    /// rather than paying for the JIT (docs/benchmarks.md, "The ledger import through the page").
    /// Outside a request the scope is empty, so its queries read no one. Returns the rows the checks
    /// accepted: all of them, unless the template's example row has stopped being valid.
    /// </summary>
    public async Task<int> WarmUpAsync(byte[] sheetFile, CancellationToken cancellationToken)
    {
        _ = await RegionsInScopeAsync(cancellationToken);
        _ = await unscoped.IdNumberHoldersAsync([new byte[32]], db.Scope, cancellationToken);
        using var file = new MemoryStream(sheetFile, writable: false);
        var read = LedgerExcelReader.Open(file, labels, cancellationToken);
        using var sheet = read.Sheet ?? throw new InvalidOperationException($"The warm-up sheet was refused: {read.Refusal?.FileErrorKey}");
        var validator = new LedgerExcelRowValidator(labels, protector, [new RegionOption(0, WarmUpCommunity, WarmUpCommunity)], Today, clock.UtcNow, await parameters.GetAsync(cancellationToken));
        var candidates = sheet.Rows().Select(validator.Check).Select(c => c.Candidate).OfType<LedgerImportCandidate>().ToList();
        await new LedgerExcelWriter(db, actor).StageAndDiscardAsync(candidates, cancellationToken);
        return candidates.Count;
    }

    /// <summary>The made-up community of <see cref="WarmUpAsync"/> (area code 370799 is no county's).</summary>
    private const string WarmUpCommunity = "370799001001";

    /// <summary>A row of the import template with the given person and community, the other cells made up (the warm-up's rows).</summary>
    private Dictionary<string, object?> ExampleRow(string idNumber, string name, string communityCode) =>
        Cells(LedgerColumns.Import, new Dictionary<LedgerColumn, object?>
        {
            [LedgerColumns.IdNumber] = idNumber,
            [LedgerColumns.Name] = name,
            [LedgerColumns.Phone] = "13800000000",
            [LedgerColumns.Address] = "向阳路 1 号",
            [LedgerColumns.Hukou] = labels.Label(HukouType.Urban),
            [LedgerColumns.Education] = labels.Label(EducationLevel.JuniorHigh),
            [LedgerColumns.EmploymentStatus] = labels.Label(EmploymentStatus.Unemployed),
            [LedgerColumns.LaborCapacity] = labels.Label(LaborCapacity.Full),
            [LedgerColumns.WantsWork] = labels.Text("Common.Yes"),
            [LedgerColumns.Region] = communityCode,
            [LedgerColumns.UnemploymentRegisteredOn] = Today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, c => c.TemplateHeader(labels));

    /// <summary>
    /// Imports a file: one import per unit at a time (else "Import.Busy" at once), the file read as
    /// a bounded stream of rows (<see cref="LedgerExcelReader"/>), each row checked as it comes,
    /// the register-wide duplicate check running beside the reading in batches
    /// (<see cref="RegisterLookup"/>; another area's records only as <see cref="DuplicateAnswers"/>
    /// allows), then the write. <paramref name="progress"/>, when given, hears the rows checked so
    /// far every 1,000 rows, with the rows the sheet declares (its used range) as the total, then
    /// (rows, rows) when every row is read.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream file, ImportMode mode, CancellationToken cancellationToken, Action<int, int?>? progress = null)
    {
        await using var gate = await gates.TryEnterAsync("ledger-import:" + (db.Scope.RegionPrefix ?? "*"), cancellationToken);
        if (gate is null)
        {
            return metrics.Imported(new ImportResult(0, 0, [], "Import.Busy"));
        }

        var read = LedgerExcelReader.Open(file, labels, cancellationToken);
        if (read.Sheet is not { } sheet)
        {
            return metrics.Imported(read.Refusal!);
        }

        using (sheet)
        {
            return metrics.Imported(await ImportAsync(sheet, mode, progress, cancellationToken));
        }
    }

    /// <summary>
    /// The checks an upload gets at once, before it is queued: the file opens within its bounds and
    /// has the template's required columns. Null when it passes; the rows are checked in the background.
    /// </summary>
    public ImportResult? CheckFile(Stream file, CancellationToken cancellationToken)
    {
        var read = LedgerExcelReader.Open(file, labels, cancellationToken);
        read.Sheet?.Dispose();
        return read.Refusal;
    }

    private async Task<ImportResult> ImportAsync(LedgerSheet sheet, ImportMode mode, Action<int, int?>? progress, CancellationToken cancellationToken)
    {
        var started = clock.Time.GetTimestamp();
        var regions = await RegionsInScopeAsync(cancellationToken);
        var now = clock.UtcNow;
        var validator = new LedgerExcelRowValidator(labels, protector, regions, Today, now, await parameters.GetAsync(cancellationToken));
        var errors = new List<ImportRowError>();
        var candidates = new List<LedgerImportCandidate>();

        // Every row with a valid ID number, first in the file, with or without other errors: its
        // number is looked up in the register too, so that "already registered" comes in this round.
        var looked = new List<(int Row, RegisterKey Key, LedgerImportCandidate? Candidate)>();
        await using var register = new RegisterLookup(unscoped, db.Scope, cancellationToken);
        var rows = 0;

        try
        {
            foreach (var row in sheet.Rows())
            {
                if (++rows % 1000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke(rows, sheet.DeclaredRows is { } declared && declared >= rows ? declared : null);
                }

                var check = validator.Check(row);
                if (check.Candidate is { } candidate)
                {
                    candidates.Add(candidate);
                }

                if (check.RegisterKey is { } key)
                {
                    register.Add(key.Hash);
                    looked.Add((check.Row, key, check.Candidate));
                }

                errors.AddRange(check.Errors);
            }
        }
        catch (XlsxRefusedException e)
        {
            return e.MessageKey == "Import.TooManyRows" ? new ImportResult(rows, 0, [], e.MessageKey) : LedgerExcelReader.Refusal(e);
        }
        catch (Exception e) when (LedgerExcelReader.IsUnreadable(e))
        {
            return new ImportResult(0, 0, [], "Import.Unreadable");
        }

        if (rows == 0)
        {
            return new ImportResult(0, 0, [], "Import.NoRows");
        }

        progress?.Invoke(rows, rows);
        var checkedAt = clock.Time.GetTimestamp();

        // Already in the register, anywhere (the uniqueness check must see everything), looked up in
        // batches while the sheet was read. Of a record in another area only that much is said,
        // audited, and only as often a day as allowed.
        var existing = await register.CompleteAsync();
        var duplicates = looked
            .Select(l => (l.Row, l.Key, l.Candidate, Holder: existing.GetValueOrDefault(Convert.ToHexString(l.Key.Hash))))
            .Where(d => d.Holder is not null)
            .ToList();
        var elsewhere = duplicates.Where(d => !d.Holder!.InScope).ToList();
        var answered = await duplicateAnswers.TryAnswerAsync(elsewhere.Select(d => d.Key.Masked).ToList(), "import", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!answered)
        {
            return new ImportResult(rows, 0, [], DuplicateAnswers.ExhaustedKey);
        }

        var duplicateCandidates = new HashSet<LedgerImportCandidate>();
        foreach (var (row, _, candidate, holder) in duplicates)
        {
            errors.Add(new ImportRowError(row, LedgerColumns.IdNumber.Title(labels), holder!.InScope ? "Import.AlreadyRegistered" : DuplicateAnswers.AnswerKey, holder.InScope ? holder.UnitName : null));
            if (candidate is not null)
            {
                duplicateCandidates.Add(candidate);
            }
        }

        candidates.RemoveAll(duplicateCandidates.Contains);

        // In sheet order; within a row, in the order of the columns (then of the checks).
        var columnOrder = LedgerColumns.Import.Select((c, i) => (Title: c.Title(labels), Index: i)).ToDictionary(c => c.Title, c => c.Index, StringComparer.Ordinal);
        errors = [.. errors.OrderBy(e => e.Row).ThenBy(e => columnOrder.GetValueOrDefault(e.Column, -1))];
        var total = candidates.Count + errors.Select(e => e.Row).Distinct().Count();
        if (candidates.Count == 0 || (mode == ImportMode.AllOrNothing && errors.Count > 0))
        {
            return new ImportResult(total, 0, errors);
        }

        var registerCheckedAt = clock.Time.GetTimestamp();
        try
        {
            await new LedgerExcelWriter(db, actor).WriteAsync(candidates, new LedgerImportSummary(mode, total, total - candidates.Count), now, cancellationToken);
            logger.LogInformation(
                "Ledger import of {Rows} rows: read and checked in {CheckMs} ms, checked against the register in {RegisterMs} ms, written in {WriteMs} ms",
                candidates.Count,
                (long)clock.Time.GetElapsedTime(started, checkedAt).TotalMilliseconds,
                (long)clock.Time.GetElapsedTime(checkedAt, registerCheckedAt).TotalMilliseconds,
                (long)clock.Time.GetElapsedTime(registerCheckedAt).TotalMilliseconds);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return new ImportResult(total, 0, errors, "Import.ConcurrentDuplicate");
        }

        return new ImportResult(total, candidates.Count, errors);
    }

    private Task<List<RegionOption>> RegionsInScopeAsync(CancellationToken cancellationToken) =>
        PersonRegistry.RegionsInScope(db).ToListAsync(cancellationToken);

    /// <summary>A sheet row: the columns' values in the columns' order, under their headers; a column without a value is empty.</summary>
    private static Dictionary<string, object?> Cells(IReadOnlyList<LedgerColumn> columns, Dictionary<LedgerColumn, object?> values, Func<LedgerColumn, string> header)
    {
        var row = new Dictionary<string, object?>();
        foreach (var column in columns)
        {
            row[header(column)] = values.TryGetValue(column, out var value) ? value : string.Empty;
        }

        return row;
    }

    /// <summary>
    /// Text that a spreadsheet could take for a formula (= + - @, tab, carriage return first) gets
    /// a leading apostrophe; cells are written as strings anyway (OWASP CSV/formula injection).
    /// </summary>
    public static string SafeText(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
