using System.Text.RegularExpressions;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The ledger's filters, search, sort and row shape, in one place for the ledger page and the
/// Excel export. Reads through the context's region-scope filter.
/// </summary>
public sealed partial class LedgerQuery
{
    private readonly PortalDbContext _db;
    private readonly IIdNumberProtector _protector;
    private readonly DateOnly _today;
    private readonly DateOnly _longTermSince;
    private readonly DateOnly _longTermSoonSince;
    private readonly DateOnly _visitedSince;
    private readonly Age4050Births _age4050;

    /// <summary>How far ahead "becomes long-term soon" looks (issue 16, item 2a: the workbench's "within 30 days"; not a policy number).</summary>
    public const int LongTermSoonDays = 30;

    /// <summary>
    /// Counts stop here (plus the rows before the page): an exact count of a street's or county's
    /// whole register reads every entry (issue 16, item 8); beyond it the page says "N+".
    /// </summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// A name search's count stops sooner: past a thousand matches the list is no use for finding
    /// one person, and the page asks for more of the name or the ID number's last four instead of
    /// counting a common surname's tens of thousands of entries (王 over a street: 19,888).
    /// </summary>
    public const int SearchCountCap = 1_000;

    /// <summary>Where the count of <paramref name="query"/>'s persons stops (rows past the page).</summary>
    public static int CountCapOf(PersonListQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) ? CountCap : SearchCountCap;

    private LedgerQuery(PortalDbContext db, IIdNumberProtector protector, DateOnly today, int longTermMonths, int visitIntervalMonths, Age4050Births age4050)
    {
        _db = db;
        _protector = protector;
        _today = today;
        _longTermSince = today.AddMonths(-longTermMonths);
        _longTermSoonSince = today.AddDays(LongTermSoonDays).AddMonths(-longTermMonths);
        _visitedSince = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - visitIntervalMonths);
        _age4050 = age4050;
    }

    public static async Task<LedgerQuery> CreateAsync(PortalDbContext db, IIdNumberProtector protector, PolicyParameterStore parameters, DateOnly today, CancellationToken cancellationToken)
    {
        var set = await parameters.GetAsync(cancellationToken);
        return new LedgerQuery(db, protector, today, set.IntOn(ParameterKeys.LongTermUnemploymentMonths, today),
            set.IntOn(ParameterKeys.HardshipVisitIntervalMonths, today), Age4050Births.On(today, set));
    }

    /// <summary>
    /// The number of <paramref name="persons"/>, counted no further than <paramref name="cap"/> rows
    /// past <paramref name="skip"/>; <c>Capped</c> when there are more (the count is then a lower bound).
    /// </summary>
    public static async Task<(int Count, bool Capped)> CountAsync(IQueryable<Person> persons, int skip, int cap, CancellationToken cancellationToken)
    {
        var limit = skip + cap;
        var count = await persons.Take(limit + 1).CountAsync(cancellationToken);
        return count > limit ? (limit, true) : (count, false);
    }

    public IQueryable<Person> Filter(PersonListQuery query)
    {
        var persons = Search(_db.Persons.AsNoTracking(), query.Search);
        if (query.Status is { } status)
        {
            persons = persons.Where(p => p.EmploymentStatus == status);
        }

        if (query.Group is { } group and not PriorityGroups.None)
        {
            // One group is written into the SQL as a constant, so the planner can use that group's
            // partial index (PersonConfiguration: a bit test cannot use a B-tree otherwise).
            persons = int.IsPow2((int)group)
                ? persons.Where(p => (p.PriorityGroups & EF.Constant(group)) != 0)
                : persons.Where(p => (p.PriorityGroups & group) != 0);
        }

        if (query.MaxEducation is { } education)
        {
            persons = persons.Where(p => p.Education <= education);
        }

        if (query.Age4050Only)
        {
            var a = _age4050;
            persons = persons.Where(p =>
                (p.Sex == Sex.Female && p.BirthDate <= a.WomenBornBy && p.BirthDate >= (p.FemaleCadre ? a.CadresBornFrom : a.WorkersBornFrom))
                || (p.Sex == Sex.Male && p.BirthDate <= a.MenBornBy && p.BirthDate >= a.MenBornFrom));
        }

        if (query.CertifiedHardshipOnly)
        {
            var certified = Subsidies.CertifiedPersons.On(_db, _today);
            persons = persons.Where(p => certified.Contains(p.Id));
        }

        if (query.LongTermOnly)
        {
            var since = _longTermSince;
            persons = persons.Where(p => p.UnemployedSince <= since);
        }

        if (query.LongTermSoonOnly)
        {
            // Not long-term today, long-term on one of the next LongTermSoonDays days (IsLongTermOn, day by day).
            var since = _longTermSince;
            var soon = _longTermSoonSince;
            persons = persons.Where(p => p.UnemployedSince > since && p.UnemployedSince <= soon);
        }

        if (query.DueVisitOnly)
        {
            // Certified hardship persons (003 §三(七) 定期家访) with no home visit in the current
            // interval of Hardship.VisitIntervalMonths calendar months.
            var certified = Subsidies.CertifiedPersons.On(_db, _today);
            var since = _visitedSince;
            var db = _db;
            persons = persons.Where(p => certified.Contains(p.Id)
                && !db.FollowUps.Any(f => f.PersonId == p.Id && f.Kind == FollowUpKind.HomeVisit && f.OccurredOn >= since));
        }

        if (!string.IsNullOrEmpty(query.RegionCode) && RegionCode.TryParse(query.RegionCode, out var regionCode))
        {
            var prefix = regionCode.ScopePrefix;
            persons = persons.Where(p => p.RegionCode.StartsWith(prefix));
        }

        return persons;
    }

    public static IQueryable<Person> Sort(IQueryable<Person> persons, PersonSort sort) => sort switch
    {
        PersonSort.Newest => persons.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
        PersonSort.Age => persons.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
        _ => persons.OrderBy(p => EF.Functions.Collate(p.Name, Collations.Pinyin)).ThenBy(p => p.Id),
    };

    /// <summary>
    /// One page of <paramref name="persons"/> in <paramref name="sort"/> order, keys first: the
    /// page's ids are chosen from an index that carries every column the filters test
    /// (ix_persons_live_name_pinyin for the name order, migration LedgerFilterIndexes), without
    /// reading a row, and only those rows are read. Choosing the page from whole rows read, then
    /// filtered, every row the filters pass over: 2,869 rows for the 20 of a street's unemployed 40/50.
    /// </summary>
    public Task<List<PersonListItem>> PageAsync(IQueryable<Person> persons, PersonSort sort, int skip, int take, CancellationToken cancellationToken)
    {
        var keys = Sort(persons, sort).Skip(skip).Take(take).Select(p => p.Id);
        return RowsAsync(Sort(_db.Persons.AsNoTracking().Where(p => keys.Contains(p.Id)), sort), cancellationToken);
    }

    /// <summary>The list rows of a sorted (and paged) query: numbers and phones masked.</summary>
    public async Task<List<PersonListItem>> RowsAsync(IQueryable<Person> persons, CancellationToken cancellationToken)
    {
        var db = _db;
        var rows = await persons
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.IdNumberMasked,
                p.Sex,
                p.BirthDate,
                p.Phone,
                p.EmploymentStatus,
                p.PriorityGroups,
                RegionName = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First(),
                Registered = p.UnemployedSince,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PersonListItem(
            r.Id, r.Name, r.IdNumberMasked, r.Sex, Age.YearsOn(r.BirthDate, _today), Person.MaskPhone(r.Phone), r.EmploymentStatus, r.PriorityGroups,
            r.RegionName, r.Registered, r.Registered is { } on && on <= _longTermSince)).ToList();
    }

    private IQueryable<Person> Search(IQueryable<Person> persons, string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return persons;
        }

        if (ResidentIdNumber.TryParse(text, _today, out var id) == IdNumberProblem.None)
        {
            var hash = _protector.LookupHash(id);
            return persons.Where(p => p.IdNumberHash == hash);
        }

        var nameAndLastFour = NameAndLastFour().Match(ResidentIdNumber.Normalize(text));
        if (nameAndLastFour.Success)
        {
            var name = nameAndLastFour.Groups["name"].Value;
            var last = nameAndLastFour.Groups["last"].Value;
            return persons.Where(p => p.Name == name && p.IdNumberLastFour == last);
        }

        // The LIKE decides; the range in pinyin order beside it (every name starting with the text sorts
        // between the text and the text followed by U+FFFF, which CLDR collation gives the highest
        // weight) is what an index can use under row-level security, where the LIKE (not leakproof)
        // may not drive a scan: the page of 20 is read in the ledger's order and the count index-only
        // from ix_persons_live_name_pinyin (王 over a street: 709 ms → 5 ms, docs/benchmarks.md).
        var pattern = LikePattern.Escape(text) + "%";
        var upper = text + '\uffff';
        return persons.Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.EscapeCharacter)
            && EF.Functions.Collate(p.Name, Collations.Pinyin).CompareTo(text) >= 0
            && EF.Functions.Collate(p.Name, Collations.Pinyin).CompareTo(upper) < 0);
    }

    [GeneratedRegex(@"^(?<name>\D+?)(?<last>\d{3}[\dX])$")]
    private static partial Regex NameAndLastFour();
}

/// <summary>
/// The 4050 age group on a date as birth-date ranges: old enough (the dated age limits of 002 §二.4)
/// and not yet at the person's own statutory retirement (the 2024 schedule; women cadres apart).
/// </summary>
internal sealed record Age4050Births(DateOnly WomenBornBy, DateOnly MenBornBy, DateOnly WorkersBornFrom, DateOnly CadresBornFrom, DateOnly MenBornFrom)
{
    public static Age4050Births On(DateOnly today, PolicyParameterSet parameters) => new(
        today.AddYears(-parameters.IntOn(ParameterKeys.HardshipWomenMinAge, today)),
        today.AddYears(-parameters.IntOn(ParameterKeys.HardshipMenMinAge, today)),
        WorkingAge.EarliestNotRetiredBirthDate(RetirementSchedule.FemaleWorker, today, parameters),
        WorkingAge.EarliestNotRetiredBirthDate(RetirementSchedule.FemaleCadre, today, parameters),
        WorkingAge.EarliestNotRetiredBirthDate(RetirementSchedule.Male, today, parameters));
}
