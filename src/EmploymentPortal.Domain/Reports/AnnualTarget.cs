namespace EmploymentPortal.Domain.Reports;

/// <summary>What an annual target counts (docs/policy-rules.md, "Reports: targets").</summary>
public enum TargetIndicator
{
    /// <summary>Registered unemployed whose registration ended because they found work, in the year (003 §二(一): 8,000 community re-employments a year citywide).</summary>
    ReEmployed = 1,

    /// <summary>Persons hired through a referral (职业介绍) recorded in the year.</summary>
    ReferralPlacements = 2,
}

public sealed class TargetException : Common.DomainException
{
    public TargetException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}

/// <summary>
/// An annual target for one region and indicator, set by city officials (003 §二(一); dashboards
/// track targets against actuals by region and month). One per region, year and indicator.
/// </summary>
public sealed class AnnualTarget
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxValue = 10_000_000;

    private AnnualTarget()
    {
        RegionCode = string.Empty;
        SetByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    public string RegionCode { get; private set; }

    public int Year { get; private set; }

    public TargetIndicator Indicator { get; private set; }

    public int Value { get; private set; }

    public string SetByName { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public uint Version { get; private set; }

    public static AnnualTarget Create(int regionId, string regionCode, int year, TargetIndicator indicator, int value, string byName, DateTimeOffset at)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new TargetException("Target.Year");
        }

        if (!Enum.IsDefined(indicator))
        {
            throw new TargetException("Target.Indicator");
        }

        var target = new AnnualTarget { Id = Guid.CreateVersion7(at), RegionId = regionId, RegionCode = regionCode, Year = year, Indicator = indicator };
        target.Change(value, byName, at);
        return target;
    }

    public void Change(int value, string byName, DateTimeOffset at)
    {
        if (value is < 0 or > MaxValue)
        {
            throw new TargetException("Target.Value");
        }

        Value = value;
        SetByName = byName;
        SetAt = at;
    }
}

/// <summary>
/// A target against its actual on a date: the share reached, and the share of the year gone by
/// (days elapsed, the date included, over the days of the year) — the pace the target needs.
/// </summary>
public readonly record struct TargetProgress(int Target, int Actual, double Reached, double YearElapsed)
{
    /// <summary>Behind when the share reached is under the share of the year gone by.</summary>
    public bool Behind => Target > 0 && Reached < YearElapsed;

    public static TargetProgress Of(int target, int actual, int year, DateOnly asOf)
    {
        var first = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var elapsed = asOf < first ? 0 : asOf.Year > year ? days : asOf.DayNumber - first.DayNumber + 1;
        return new TargetProgress(target, actual, target == 0 ? 0 : (double)actual / target, (double)elapsed / days);
    }
}
