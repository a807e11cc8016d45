using System.Globalization;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Checks the import's rows one by one, in sheet order: the ID number (GB 11643, and not twice in
/// the file), required cells, allowed values, the community in the caller's area, the unemployment
/// registration date, then the domain's own checks by registering the person. A valid row becomes
/// a <see cref="LedgerImportCandidate"/>; each problem an <see cref="ImportRowError"/> naming the
/// row and the column. The register-wide duplicate check is the caller's (it needs the database).
/// </summary>
internal sealed class LedgerExcelRowValidator(
    ILabelCatalog labels,
    IIdNumberProtector protector,
    IReadOnlyList<RegionOption> regions,
    DateOnly today,
    DateTimeOffset now,
    PolicyParameterSet policy)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _yes = labels.TextInAllCultures("Common.Yes").Append("true").Append("1").ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _no = labels.TextInAllCultures("Common.No").Append("false").Append("0").ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The row's errors (none for a valid row) and, when valid, the person to import.</summary>
    public LedgerRowCheck Check(LedgerSheetRow row)
    {
        var rowNumber = row.Number;
        var rowErrors = new List<ImportRowError>();
        void Fail(LedgerColumn column, string messageKey, string? argument = null) => rowErrors.Add(new ImportRowError(rowNumber, column.Title(labels), messageKey, argument));

        // Control, bidirectional and invalid characters: the one normaliser's rule, as for typed text.
        foreach (var column in LedgerColumns.Import)
        {
            if (TextInput.Check(row.Raw(column), multiline: column == LedgerColumns.Notes) != TextInput.Problem.None)
            {
                Fail(column, TextInput.MessageKey);
            }
        }

        var problem = ResidentIdNumber.TryParse(row.Text(LedgerColumns.IdNumber), today, out var id);
        if (problem != IdNumberProblem.None)
        {
            Fail(LedgerColumns.IdNumber, "IdNumber." + problem);
        }
        else if (_seen.TryGetValue(id.Value, out var firstRow))
        {
            Fail(LedgerColumns.IdNumber, "Import.DuplicateInFile", firstRow.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            _seen[id.Value] = rowNumber;
        }

        foreach (var column in LedgerColumns.Import)
        {
            if (column.Required && column != LedgerColumns.IdNumber && row.Text(column).Length == 0)
            {
                Fail(column, "Import.Required");
            }
        }

        var hukou = Parse<HukouType>(LedgerColumns.Hukou);
        var education = Parse<EducationLevel>(LedgerColumns.Education);
        var status = Parse<EmploymentStatus>(LedgerColumns.EmploymentStatus);
        var capacity = Parse<LaborCapacity>(LedgerColumns.LaborCapacity);
        var wantsText = row.Text(LedgerColumns.WantsWork);
        bool? wantsWork = wantsText.Length == 0 ? null
            : _yes.Contains(wantsText) ? true
            : _no.Contains(wantsText) ? false
            : null;
        if (wantsWork is null && wantsText.Length > 0)
        {
            Fail(LedgerColumns.WantsWork, "Import.NotAllowed");
        }

        var regionText = row.Text(LedgerColumns.Region);
        var region = regionText.Length == 0 ? null : FindRegion(regionText);
        if (region is null && regionText.Length > 0)
        {
            Fail(LedgerColumns.Region, "Import.RegionOutOfScope", regionText);
        }

        DateOnly? registeredOn = null;
        if (row.Text(LedgerColumns.UnemploymentRegisteredOn).Length > 0)
        {
            if (row.Date(LedgerColumns.UnemploymentRegisteredOn) is { } date && date <= today && (problem != IdNumberProblem.None || date >= id.BirthDate))
            {
                registeredOn = date;
            }
            else
            {
                Fail(LedgerColumns.UnemploymentRegisteredOn, "Import.DateInvalid");
            }
        }

        LedgerImportCandidate? candidate = null;
        if (rowErrors.Count == 0)
        {
            var details = new PersonDetails(row.Text(LedgerColumns.Name), NullIfEmpty(row.Text(LedgerColumns.Phone)), row.Text(LedgerColumns.Address), hukou!.Value, education!.Value,
                NullIfEmpty(row.Text(LedgerColumns.Skills)), NullIfEmpty(row.Text(LedgerColumns.WishedOccupation)), null, null, null,
                capacity!.Value, wantsWork!.Value, registeredOn is null ? status!.Value : EmploymentStatus.Unemployed, null, PriorityGroups.None, null, NullIfEmpty(row.Text(LedgerColumns.Notes)));
            try
            {
                var person = Person.Register(id, protector.Protect(id), region!.Id, region.Code, details, now);
                person.SetRegisteredUnemployed(registeredOn, now);
                candidate = new LedgerImportCandidate(rowNumber, person, registeredOn is { } on
                    ? UnemploymentRegistration.Open(person.Id, person.RegionCode, on, today, WorkingAge.Check(person.BirthDate, person.RetirementSchedule(), on, policy))
                    : null);
            }
            catch (PersonException e) when (e.Field == nameof(UnemploymentRegistration.RegisteredOn))
            {
                // Outside working age on the registration date: said on the registration date's column.
                Fail(LedgerColumns.UnemploymentRegisteredOn, e.MessageKey);
            }
            catch (PersonException)
            {
                // The domain's length and format checks (name, address, phone) in one message for the row.
                rowErrors.Add(new ImportRowError(rowNumber, string.Empty, "Import.RowInvalid"));
            }
        }

        return new LedgerRowCheck(rowErrors, candidate);

        TEnum? Parse<TEnum>(LedgerColumn column)
            where TEnum : struct, Enum
        {
            var text = row.Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (labels.TryParse<TEnum>(text, out var value))
            {
                return value;
            }

            Fail(column, "Import.NotAllowed");
            return null;
        }
    }

    /// <summary>A community of the caller's area by its code (the text's first word), else by its name when only one has it.</summary>
    private RegionOption? FindRegion(string text)
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

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

/// <summary>One row's check: its errors, and the person to import when it has none.</summary>
internal sealed record LedgerRowCheck(IReadOnlyList<ImportRowError> Errors, LedgerImportCandidate? Candidate);

/// <summary>A valid row: its sheet row number, the person, and the open unemployment registration when the row gives a date.</summary>
internal sealed record LedgerImportCandidate(int Row, Person Person, UnemploymentRegistration? Registration);
