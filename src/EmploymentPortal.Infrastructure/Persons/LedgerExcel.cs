using System.Globalization;
using System.Text.Json;
using EmploymentPortal.Application.Accounts;
using EmploymentPortal.Application.Persons;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Infrastructure.Audit;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Infrastructure.Policies;
using EmploymentPortal.Infrastructure.Scoping;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Infrastructure.Persons;

/// <summary>
/// The ledger in and out of .xlsx (MiniExcel). Export: masked numbers, formula-safe text, audited.
/// Import: every row is checked (ID number, duplicates in the file and in the whole register,
/// required fields, region in the caller's area) before anything is written; the valid rows go in
/// with binary COPY (persons, their open unemployment registrations, one audit event each) in
/// one transaction.
/// </summary>
public sealed class LedgerExcel(
    PortalDbContext db,
    UnscopedReads unscoped,
    IIdNumberProtector protector,
    PolicyParameterStore parameters,
    ILabelCatalog labels,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock) : ILedgerExcel
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The import columns in template order; the header is the text of the key (either language), "*" marks required.</summary>
    internal static readonly IReadOnlyList<(string Key, bool Required)> ImportColumns =
    [
        ("Person.IdNumber", true),
        ("Person.Name", true),
        ("Person.Phone", false),
        ("Person.Address", true),
        ("Person.Hukou", true),
        ("Person.Education", true),
        ("Person.EmploymentStatus", true),
        ("Person.LaborCapacity", true),
        ("Person.WantsWork", true),
        ("Import.RegionColumn", true),
        ("Import.UnemploymentRegisteredOn", false),
        ("Person.Skills", false),
        ("Person.WishedOccupation", false),
        ("Person.Notes", false),
    ];

    private DateOnly Today => clock.Today;

    public async Task<int?> ExportAsync(PersonListQuery query, Stream output, CancellationToken cancellationToken)
    {
        var ledger = await LedgerQuery.CreateAsync(db, protector, parameters, Today, cancellationToken);
        var persons = ledger.Filter(query);
        var count = await persons.CountAsync(cancellationToken);
        if (count > ILedgerExcel.MaxExportRows)
        {
            return null;
        }

        var rows = await ledger.RowsAsync(LedgerQuery.Sort(persons, query.Sort), cancellationToken);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [labels.Text("Person.Name")] = SafeText(r.Name),
            [labels.Text("Person.IdNumber")] = r.IdNumberMasked,
            [labels.Text("Person.Sex")] = labels.Label(r.Sex),
            [labels.Text("Person.Age")] = r.Age,
            [labels.Text("Person.Phone")] = r.PhoneMasked,
            [labels.Text("Person.EmploymentStatus")] = labels.Label(r.Status),
            [labels.Text("Person.PriorityGroups")] = string.Join("、", Enum.GetValues<PriorityGroups>().Where(g => g != PriorityGroups.None && r.Groups.HasFlag(g)).Select(labels.Label)),
            [labels.Text("Person.Region")] = SafeText(r.RegionName),
            [labels.Text("Import.UnemploymentRegisteredOn")] = r.RegisteredUnemployedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            [labels.Text("Unemployment.LongTerm")] = r.LongTerm ? labels.Text("Common.Yes") : labels.Text("Common.No"),
        });
        await output.SaveAsAsync(sheet, sheetName: labels.Text("Nav.Ledger"), cancellationToken: cancellationToken);
        audit.Add("LedgerExported", "Ledger", "*", db.Scope.RegionPrefix, null, new { rows = rows.Count, filters = query with { Page = 0, PageSize = 0 } });
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    public async Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken)
    {
        var regions = await RegionsInScopeAsync(cancellationToken);
        var example = new Dictionary<string, object?>
        {
            [Header(0)] = "110105194912310029",
            [Header(1)] = "张三",
            [Header(2)] = "13800000000",
            [Header(3)] = "向阳路 1 号",
            [Header(4)] = labels.Label(HukouType.Urban),
            [Header(5)] = labels.Label(EducationLevel.JuniorHigh),
            [Header(6)] = labels.Label(EmploymentStatus.Unemployed),
            [Header(7)] = labels.Label(LaborCapacity.Full),
            [Header(8)] = labels.Text("Common.Yes"),
            [Header(9)] = regions.FirstOrDefault()?.Code ?? string.Empty,
            [Header(10)] = Today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Header(11)] = string.Empty,
            [Header(12)] = string.Empty,
            [Header(13)] = string.Empty,
        };
        var allowed = new List<Dictionary<string, object?>>();
        void Allow<TEnum>(string column)
            where TEnum : struct, Enum => allowed.AddRange(Enum.GetValues<TEnum>().Select(v => Row(labels.Text(column), labels.Label(v))));
        Allow<HukouType>("Person.Hukou");
        Allow<EducationLevel>("Person.Education");
        Allow<EmploymentStatus>("Person.EmploymentStatus");
        Allow<LaborCapacity>("Person.LaborCapacity");
        allowed.Add(Row(labels.Text("Person.WantsWork"), labels.Text("Common.Yes") + " / " + labels.Text("Common.No")));
        allowed.AddRange(regions.Select(r => Row(labels.Text("Import.RegionColumn"), $"{r.Code} {r.Name}")));
        var sheets = new Dictionary<string, object>
        {
            [labels.Text("Import.TemplateSheet")] = new[] { example },
            [labels.Text("Import.AllowedSheet")] = allowed,
        };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);

        Dictionary<string, object?> Row(string column, string value) =>
            new() { [labels.Text("Import.AllowedColumn")] = column, [labels.Text("Import.AllowedValue")] = value };
    }

    public async Task<ImportResult> ImportAsync(Stream file, ImportMode mode, CancellationToken cancellationToken)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or System.Xml.XmlException)
        {
            return new ImportResult(0, 0, [], "Import.Unreadable");
        }

        if (sheet.Count == 0)
        {
            return new ImportResult(0, 0, [], "Import.NoRows");
        }

        // Map the header row's cells to the columns, by their text in either language.
        var columns = new Dictionary<int, string>();
        foreach (var (cell, value) in sheet[0])
        {
            var header = Text(value).TrimEnd('*', ' ');
            var match = ImportColumns.Select((c, i) => (c.Key, i)).FirstOrDefault(c => labels.TextInAllCultures(c.Key).Contains(header, StringComparer.OrdinalIgnoreCase));
            if (match.Key is not null)
            {
                columns[match.i] = cell;
            }
        }

        var missing = ImportColumns.Select((c, i) => (c, i)).Where(x => x.c.Required && !columns.ContainsKey(x.i)).Select(x => labels.Text(x.c.Key)).ToList();
        if (missing.Count > 0)
        {
            return new ImportResult(0, 0, [new ImportRowError(1, string.Join("、", missing), "Import.MissingColumn")], "Import.MissingColumn");
        }

        var dataRows = sheet.Count - 1;
        while (dataRows > 0 && sheet[dataRows].Values.All(v => Text(v).Length == 0))
        {
            dataRows--;
        }

        if (dataRows == 0)
        {
            return new ImportResult(0, 0, [], "Import.NoRows");
        }

        if (dataRows > ILedgerExcel.MaxImportRows)
        {
            return new ImportResult(dataRows, 0, [], "Import.TooManyRows");
        }

        var regions = (await RegionsInScopeAsync(cancellationToken)).ToList();
        var today = Today;
        var now = clock.UtcNow;
        var policy = await parameters.GetAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        var candidates = new List<Candidate>(dataRows);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var yes = labels.TextInAllCultures("Common.Yes").Append("true").Append("1").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var no = labels.TextInAllCultures("Common.No").Append("false").Append("0").ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var index = 1; index <= dataRows; index++)
        {
            var rowNumber = index + 1;
            var cells = sheet[index];
            string Cell(int column) => columns.TryGetValue(column, out var key) && cells.TryGetValue(key, out var v) ? Text(v) : string.Empty;
            var rowErrors = new List<ImportRowError>();
            void Fail(int column, string messageKey, string? argument = null) => rowErrors.Add(new ImportRowError(rowNumber, labels.Text(ImportColumns[column].Key), messageKey, argument));

            if (Enumerable.Range(0, ImportColumns.Count).All(c => Cell(c).Length == 0))
            {
                continue;
            }

            var problem = ResidentIdNumber.TryParse(Cell(0), today, out var id);
            if (problem != IdNumberProblem.None)
            {
                Fail(0, "IdNumber." + problem);
            }
            else if (seen.TryGetValue(id.Value, out var firstRow))
            {
                Fail(0, "Import.DuplicateInFile", firstRow.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                seen[id.Value] = rowNumber;
            }

            for (var c = 0; c < ImportColumns.Count; c++)
            {
                if (ImportColumns[c].Required && c != 0 && Cell(c).Length == 0)
                {
                    Fail(c, "Import.Required");
                }
            }

            var hukou = Parse<HukouType>(4);
            var education = Parse<EducationLevel>(5);
            var status = Parse<EmploymentStatus>(6);
            var capacity = Parse<LaborCapacity>(7);
            var wantsText = Cell(8);
            bool? wantsWork = wantsText.Length == 0 ? null
                : yes.Contains(wantsText) ? true
                : no.Contains(wantsText) ? false
                : null;
            if (wantsWork is null && wantsText.Length > 0)
            {
                Fail(8, "Import.NotAllowed");
            }

            var regionText = Cell(9);
            var region = regionText.Length == 0 ? null : FindRegion(regions, regionText);
            if (region is null && regionText.Length > 0)
            {
                Fail(9, "Import.RegionOutOfScope", regionText);
            }

            DateOnly? registeredOn = null;
            if (Cell(10).Length > 0)
            {
                if (ParseDate(sheet[index], columns.GetValueOrDefault(10)) is { } date && date <= today && (problem != IdNumberProblem.None || date >= id.BirthDate))
                {
                    registeredOn = date;
                }
                else
                {
                    Fail(10, "Import.DateInvalid");
                }
            }

            if (rowErrors.Count == 0)
            {
                var details = new PersonDetails(Cell(1), NullIfEmpty(Cell(2)), Cell(3), hukou!.Value, education!.Value, NullIfEmpty(Cell(11)), NullIfEmpty(Cell(12)), null, null, null,
                    capacity!.Value, wantsWork!.Value, registeredOn is null ? status!.Value : EmploymentStatus.Unemployed, null, PriorityGroups.None, null, NullIfEmpty(Cell(13)));
                try
                {
                    var person = Person.Register(id, protector.Protect(id), region!.Id, region.Code, details, now);
                    person.SetRegisteredUnemployed(registeredOn, now);
                    candidates.Add(new Candidate(rowNumber, person, registeredOn is { } on
                        ? UnemploymentRegistration.Open(person.Id, person.RegionCode, on, today, WorkingAge.Check(person.BirthDate, person.RetirementSchedule(), on, policy))
                        : null));
                }
                catch (PersonException e) when (e.Message.StartsWith("Unemployment.", StringComparison.Ordinal))
                {
                    // Outside working age on the registration date: said on the registration date's column.
                    Fail(10, e.Message);
                }
                catch (PersonException)
                {
                    // The domain's length and format checks (name, address, phone) in one message for the row.
                    rowErrors.Add(new ImportRowError(rowNumber, string.Empty, "Import.RowInvalid"));
                }
            }

            errors.AddRange(rowErrors);

            TEnum? Parse<TEnum>(int column)
                where TEnum : struct, Enum
            {
                if (Cell(column).Length == 0)
                {
                    return null;
                }

                if (labels.TryParse<TEnum>(Cell(column), out var value))
                {
                    return value;
                }

                Fail(column, "Import.NotAllowed");
                return null;
            }
        }

        // Already in the register, anywhere (the uniqueness check must see everything; only the holding unit is named).
        var existing = await unscoped.IdNumberHoldersAsync(candidates.Select(c => c.Person.IdNumberHash).ToList(), db.Scope, cancellationToken);
        foreach (var candidate in candidates.Where(c => existing.ContainsKey(Convert.ToHexString(c.Person.IdNumberHash))).ToList())
        {
            var holder = existing[Convert.ToHexString(candidate.Person.IdNumberHash)];
            errors.Add(new ImportRowError(candidate.Row, labels.Text("Person.IdNumber"), holder.InScope ? "Import.AlreadyRegistered" : "Import.AlreadyRegisteredElsewhere", holder.UnitName));
            candidates.Remove(candidate);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        var total = candidates.Count + errors.Select(e => e.Row).Distinct().Count();
        if (candidates.Count == 0 || (mode == ImportMode.AllOrNothing && errors.Count > 0))
        {
            return new ImportResult(total, 0, errors);
        }

        try
        {
            await WriteAsync(candidates, now, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return new ImportResult(total, 0, errors, "Import.ConcurrentDuplicate");
        }

        return new ImportResult(total, candidates.Count, errors);
    }

    private async Task WriteAsync(List<Candidate> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY persons (id, region_id, region_code, name, id_number_cipher, id_number_hash, id_number_masked, id_number_last_four, birth_date, sex, phone, address, hukou, education, skills, wished_occupation, labor_capacity, wants_work, employment_status, priority_groups, notes, unemployed_since, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken))
            {
                foreach (var p in candidates.Select(c => c.Person))
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(p.RegionId, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(p.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(p.IdNumberCipher, NpgsqlDbType.Bytea, cancellationToken);
                    await copy.WriteAsync(p.IdNumberHash, NpgsqlDbType.Bytea, cancellationToken);
                    await copy.WriteAsync(p.IdNumberMasked, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(p.IdNumberLastFour, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(p.BirthDate, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync((short)p.Sex, NpgsqlDbType.Smallint, cancellationToken);
                    await copy.WriteNullableAsync(p.Phone, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(p.Address, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync((short)p.Hukou, NpgsqlDbType.Smallint, cancellationToken);
                    await copy.WriteAsync((short)p.Education, NpgsqlDbType.Smallint, cancellationToken);
                    await copy.WriteNullableAsync(p.Skills, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteNullableAsync(p.WishedOccupation, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync((short)p.LaborCapacity, NpgsqlDbType.Smallint, cancellationToken);
                    await copy.WriteAsync(p.WantsWork, NpgsqlDbType.Boolean, cancellationToken);
                    await copy.WriteAsync((short)p.EmploymentStatus, NpgsqlDbType.Smallint, cancellationToken);
                    await copy.WriteAsync((int)p.PriorityGroups, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteNullableAsync(p.Notes, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteNullableAsync(p.UnemployedSince, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY unemployment_registrations (id, person_id, region_code, registered_on) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var r in candidates.Select(c => c.Registration).OfType<UnemploymentRegistration>())
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(r.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(r.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(r.RegisteredOn, NpgsqlDbType.Date, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY audit_events (occurred_at, actor_id, actor_name, action, entity_type, entity_id, region_code, after) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var c in candidates)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteNullableAsync(actor.UserId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(actor.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("PersonImported", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("Person", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(c.Person.Id.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(c.Person.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(JsonSerializer.Serialize(PersonSnapshot.Of(c.Person), Json), NpgsqlDbType.Jsonb, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task<List<RegionOption>> RegionsInScopeAsync(CancellationToken cancellationToken) =>
        PersonRegistry.RegionsInScope(db).ToListAsync(cancellationToken);

    private static RegionOption? FindRegion(List<RegionOption> regions, string text)
    {
        var code = text.Split(' ', 2)[0];
        var byCode = regions.SingleOrDefault(r => r.Code == code);
        if (byCode is not null)
        {
            return byCode;
        }

        var byName = regions.Where(r => r.Name == text).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    private string Header(int column) => labels.Text(ImportColumns[column].Key) + (ImportColumns[column].Required ? "*" : string.Empty);

    /// <summary>A cell as text; numbers typed into Excel (phones, codes) without exponent or decimals.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    private static DateOnly? ParseDate(IDictionary<string, object?> row, string? cell)
    {
        if (cell is null || !row.TryGetValue(cell, out var value))
        {
            return null;
        }

        return value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            double serial when serial is > 0 and < 100_000 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => DateOnly.TryParseExact(Text(value).Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// Text that a spreadsheet could take for a formula (= + - @, tab, carriage return first) gets
    /// a leading apostrophe; cells are written as strings anyway (OWASP CSV/formula injection).
    /// </summary>
    public static string SafeText(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private sealed record Candidate(int Row, Person Person, UnemploymentRegistration? Registration);
}
