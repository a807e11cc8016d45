
namespace EmploymentPortal.Core.Persons;

/// <summary>
/// One column of the ledger's spreadsheets: the text key of its header (the header is that text,
/// in either language) and whether the import requires it (the template marks it with "*").
/// </summary>
internal sealed record LedgerColumn(string Key, bool Required = false)
{
    /// <summary>The header as the template writes it: the text, "*" after a required column's.</summary>
    public string TemplateHeader(ILabelCatalog labels) => labels.Text(Key) + (Required ? "*" : string.Empty);

    /// <summary>The column's name in the current culture (the export's header, and the column an import error names).</summary>
    public string Title(ILabelCatalog labels) => labels.Text(Key);
}

/// <summary>
/// The ledger's columns, defined once: the import template's (header texts, order, required or
/// not) — used by the template download, the reader and the row validator — and the export's,
/// which shares some of them.
/// </summary>
internal static class LedgerColumns
{
    public static readonly LedgerColumn IdNumber = new("Person.IdNumber", Required: true);
    public static readonly LedgerColumn Name = new("Person.Name", Required: true);
    public static readonly LedgerColumn Phone = new("Person.Phone");
    public static readonly LedgerColumn Address = new("Person.Address", Required: true);
    public static readonly LedgerColumn Hukou = new("Person.Hukou", Required: true);
    public static readonly LedgerColumn Education = new("Person.Education", Required: true);
    public static readonly LedgerColumn EmploymentStatus = new("Person.EmploymentStatus", Required: true);
    public static readonly LedgerColumn LaborCapacity = new("Person.LaborCapacity", Required: true);
    public static readonly LedgerColumn WantsWork = new("Person.WantsWork", Required: true);

    /// <summary>The community, by its code (or its name when unique in the caller's area).</summary>
    public static readonly LedgerColumn Region = new("Import.RegionColumn", Required: true);
    public static readonly LedgerColumn UnemploymentRegisteredOn = new("Import.UnemploymentRegisteredOn");
    public static readonly LedgerColumn Skills = new("Person.Skills");
    public static readonly LedgerColumn WishedOccupation = new("Person.WishedOccupation");
    public static readonly LedgerColumn Notes = new("Person.Notes");

    /// <summary>Export only: derived from the ID number, or the record's state.</summary>
    public static readonly LedgerColumn Sex = new("Person.Sex");
    public static readonly LedgerColumn Age = new("Person.Age");
    public static readonly LedgerColumn PriorityGroups = new("Person.PriorityGroups");

    /// <summary>Export only: the community by its name.</summary>
    public static readonly LedgerColumn RegionName = new("Person.Region");
    public static readonly LedgerColumn LongTerm = new("Unemployment.LongTerm");

    /// <summary>The import template's columns, in order.</summary>
    public static readonly IReadOnlyList<LedgerColumn> Import =
    [
        IdNumber, Name, Phone, Address, Hukou, Education, EmploymentStatus, LaborCapacity, WantsWork, Region, UnemploymentRegisteredOn, Skills, WishedOccupation, Notes,
    ];

    /// <summary>The export's columns, in order.</summary>
    public static readonly IReadOnlyList<LedgerColumn> Export =
    [
        Name, IdNumber, Sex, Age, Phone, EmploymentStatus, PriorityGroups, RegionName, UnemploymentRegisteredOn, LongTerm,
    ];
}
