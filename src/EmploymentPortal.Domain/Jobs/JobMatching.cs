using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Jobs;

/// <summary>What matching reads about a person.</summary>
public sealed record SeekerFacts(
    string RegionCode,
    EducationLevel Education,
    string? Skills,
    string? WishedOccupationCode,
    decimal? WishedMonthlyPay,
    WorkType? WishedWorkType,
    bool Hardship);

/// <summary>What matching reads about a posting.</summary>
public sealed record PostingFacts(
    string RegionCode,
    string OccupationCode,
    EducationLevel? Education,
    string? Skills,
    int PayMin,
    int PayMax,
    PostingType Type);

/// <summary>One reason of a match: a text key and its arguments (shown in the user's language).</summary>
public sealed record MatchReason(string Key, params string[] Args);

public sealed record MatchScore(int Points, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// How well a posting fits a person, with the reasons: wished occupation, skills, education,
/// distance in the region tree (same community &gt; street &gt; district &gt; elsewhere, by
/// region-code prefix), pay and type. Public-welfare posts fit only hardship groups. Pure.
/// </summary>
public static class JobMatching
{
    /// <summary>The groups public-welfare posts are for (with a certified hardship).</summary>
    public const PriorityGroups HardshipGroups =
        PriorityGroups.MinimumLivingAllowance | PriorityGroups.PoorLabourer | PriorityGroups.SpecialHardship | PriorityGroups.SoeClosurePlaced;

    public static bool IsHardship(bool hardshipCertified, PriorityGroups groups) =>
        hardshipCertified || (groups & HardshipGroups) != 0;

    /// <summary>Region-code prefix lengths: district (6), street (9), community (12).</summary>
    public static int SharedLevel(string a, string b)
    {
        if (a.Length >= 12 && b.Length >= 12 && a[..12] == b[..12])
        {
            return 3;
        }

        if (a.Length >= 9 && b.Length >= 9 && a[..9] == b[..9])
        {
            return 2;
        }

        return a.Length >= 6 && b.Length >= 6 && a[..6] == b[..6] ? 1 : 0;
    }

    /// <summary>The catalogue code a wish names: a code itself, or a category's name in either language.</summary>
    public static string? OccupationCodeOf(string? wish)
    {
        wish = wish?.Trim();
        if (string.IsNullOrEmpty(wish))
        {
            return null;
        }

        return (OccupationCatalog.Find(wish)
            ?? OccupationCatalog.All.FirstOrDefault(o => o.NameZh.Contains(wish, StringComparison.Ordinal) || o.NameEn.Contains(wish, StringComparison.OrdinalIgnoreCase)))?.Code;
    }

    /// <summary>Null when the posting does not fit at all (a public-welfare post for someone outside the hardship groups).</summary>
    public static MatchScore? Score(SeekerFacts person, PostingFacts posting)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(posting);
        if (posting.Type == PostingType.PublicWelfare && !person.Hardship)
        {
            return null;
        }

        var points = 0;
        var reasons = new List<MatchReason>();
        if (person.WishedOccupationCode is { } wish)
        {
            var wished = OccupationCatalog.Find(wish);
            var offered = OccupationCatalog.Find(posting.OccupationCode);
            if (wish == posting.OccupationCode)
            {
                points += 40;
                reasons.Add(new("Match.Occupation", posting.OccupationCode));
            }
            else if (wished is not null && offered is not null && wished.Major == offered.Major)
            {
                points += 20;
                reasons.Add(new("Match.OccupationMajor", offered.Major));
            }
        }

        var level = SharedLevel(person.RegionCode, posting.RegionCode);
        points += level * 10;
        reasons.Add(new(level switch { 3 => "Match.SameCommunity", 2 => "Match.SameStreet", 1 => "Match.SameDistrict", _ => "Match.Elsewhere" }));

        if (posting.Education is not { } required || required <= person.Education)
        {
            points += 10;
            reasons.Add(new("Match.Education"));
        }

        var shared = SharedSkills(person.Skills, posting.Skills);
        if (shared.Count > 0)
        {
            points += Math.Min(3, shared.Count) * 5;
            reasons.Add(new("Match.Skills", string.Join("、", shared)));
        }

        if (person.WishedMonthlyPay is { } pay && posting.PayMax >= pay)
        {
            points += 10;
            reasons.Add(new("Match.Pay", ((int)pay).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (person.WishedWorkType is { } type && Fits(type, posting.Type))
        {
            points += 10;
            reasons.Add(new("Match.Type"));
        }

        if (posting.Type == PostingType.PublicWelfare)
        {
            points += 15;
            reasons.Add(new("Match.PublicWelfare"));
        }

        return new MatchScore(points, reasons);
    }

    private static bool Fits(WorkType wished, PostingType type) => wished switch
    {
        WorkType.FullTime => type is PostingType.FullTime or PostingType.PublicWelfare or PostingType.Community,
        WorkType.PartTime => type is PostingType.PartTime,
        _ => type is PostingType.PartTime or PostingType.Temporary or PostingType.Seasonal,
    };

    private static List<string> SharedSkills(string? mine, string? wanted)
    {
        if (string.IsNullOrWhiteSpace(mine) || string.IsNullOrWhiteSpace(wanted))
        {
            return [];
        }

        char[] separators = [',', '，', '、', ';', '；', ' ', '/'];
        var have = mine.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return wanted.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => have.Any(h => string.Equals(h, w, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
