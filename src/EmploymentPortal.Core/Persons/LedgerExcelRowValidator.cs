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

        // Working age on the registration date, whatever else the row lacks (the import's persons
        // are on the worker retirement schedule: the sheet has no 女干部 column).
        if (registeredOn is { } registrationDate && problem == IdNumberProblem.None
            && UnemploymentRegistration.OpenProblem(registrationDate, today, WorkingAge.Check(id.BirthDate, WorkingAge.ScheduleFor(id.Sex, false), registrationDate, policy)) is { } notOfWorkingAge)
        {
            Fail(LedgerColumns.UnemploymentRegisteredOn, notOfWorkingAge.MessageKey);
        }

        // The domain's own checks of the typed text (length, the phone's format), each on its
        // column, also when other cells of the row are wrong; a column keeps its first error.
        var details = new PersonDetails(row.Text(LedgerColumns.Name), NullIfEmpty(row.Text(LedgerColumns.Phone)), row.Text(LedgerColumns.Address), hukou ?? default, education ?? default,
            NullIfEmpty(row.Text(LedgerColumns.Skills)), NullIfEmpty(row.Text(LedgerColumns.WishedOccupation)), null, null, null,
            capacity ?? default, wantsWork ?? false, registeredOn is null ? status ?? default : EmploymentStatus.Unemployed, null, PriorityGroups.None, null, NullIfEmpty(row.Text(LedgerColumns.Notes)));
        foreach (var refusal in Person.Problems(details))
        {
            var (column, max) = DomainColumn(refusal.Field);
            if (!rowErrors.Exists(e => e.Column == column.Title(labels)))
            {
                if (row.Text(column).Length > max)
                {
                    Fail(column, "Import.TooLong", max.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    Fail(column, refusal.MessageKey);
                }
            }
        }

        LedgerImportCandidate? candidate = null;
        if (rowErrors.Count == 0)
        {
            var person = Person.Register(id, protector.Protect(id), region!.Id, region.Code, details, now);
            person.SetRegisteredUnemployed(registeredOn, now);
            candidate = new LedgerImportCandidate(rowNumber, person, registeredOn is { } on
                ? UnemploymentRegistration.Open(person.Id, person.RegionCode, on, today, WorkingAge.Check(person.BirthDate, person.RetirementSchedule(), on, policy))
                : null);
        }

        // A valid ID number, first in the file, is looked up in the register even when the row has
        // other errors: "already registered" comes in the same round as the rest.
        var registerKey = candidate is not null ? new RegisterKey(candidate.Person.IdNumberHash, candidate.Person.IdNumberMasked)
            : problem == IdNumberProblem.None && _seen.TryGetValue(id.Value, out var first) && first == rowNumber ? new RegisterKey(protector.LookupHash(id), id.Masked)
            : null;
        return new LedgerRowCheck(rowNumber, rowErrors, candidate, registerKey);

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

    /// <summary>The sheet column of a field the domain refuses (<see cref="Person.Problems"/>), and the field's longest length.</summary>
    private static (LedgerColumn Column, int MaxLength) DomainColumn(string field) => field switch
    {
        nameof(PersonDetails.Name) => (LedgerColumns.Name, Person.NameMaxLength),
        nameof(PersonDetails.Address) => (LedgerColumns.Address, Person.AddressMaxLength),
        nameof(PersonDetails.Phone) => (LedgerColumns.Phone, 11),
        nameof(PersonDetails.Skills) => (LedgerColumns.Skills, Person.TextMaxLength),
        nameof(PersonDetails.WishedOccupation) => (LedgerColumns.WishedOccupation, Person.ShortTextMaxLength),
        nameof(PersonDetails.Notes) => (LedgerColumns.Notes, Person.TextMaxLength),
        _ => throw new InvalidOperationException($"The import has no column for the person's field {field}."),
    };
}

/// <summary>
/// One row's check: its errors, the person to import when it has none, and the ID number to look
/// up in the register (a valid one, first in the file; with or without errors in the row).
/// </summary>
internal sealed record LedgerRowCheck(int Row, IReadOnlyList<ImportRowError> Errors, LedgerImportCandidate? Candidate, RegisterKey? RegisterKey);

/// <summary>An ID number's blind index and its masked form (for the other-area answer).</summary>
internal sealed record RegisterKey(byte[] Hash, string Masked);

/// <summary>A valid row: its sheet row number, the person, and the open unemployment registration when the row gives a date.</summary>
internal sealed record LedgerImportCandidate(int Row, Person Person, UnemploymentRegistration? Registration);
