using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Jobs;

/// <summary>What matching reads about a person (education null: not known; <see cref="WishText"/>: the wish in their own words, such as 保安).</summary>
public sealed record SeekerFacts(
    string RegionCode,
    EducationLevel? Education,
    string? Skills,
    string? WishedOccupationCode,
    decimal? WishedMonthlyPay,
    WorkType? WishedWorkType,
    bool Hardship,
    string? WishText = null);

/// <summary>What matching reads about a posting.</summary>
public sealed record PostingFacts(
    string RegionCode,
    string OccupationCode,
    EducationLevel? Education,
    string? Skills,
    int PayMin,
    int PayMax,
    PostingType Type,
    string? Title = null,
    string? Description = null);

/// <summary>One reason of a match: a text key and its arguments (shown in the user's language).</summary>
public sealed record MatchReason(string Key, params string[] Args);

public sealed record MatchScore(int Points, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// How well a posting fits a person, with the reasons, in two tiers: first what the person wants
/// and can do — the wished job (its words in the posting's title, or the same occupation code),
/// the same occupation category, their skills named by the posting — then the rest: distance in
/// the region tree (same community &gt; street &gt; district &gt; elsewhere, by region-code
/// prefix), pay, education and type. The first tier's points outweigh everything the second can
/// add, so a posting of the wished job or of the person's trade ranks above any posting that only
/// lies near or pays well. Public-welfare posts fit only hardship groups. Pure.
/// </summary>
public static class JobMatching
{
    /// <summary>The wished job: its words in the title, or the same occupation code.</summary>
    public const int WishPoints = 200;

    /// <summary>The wished occupation's category.</summary>
    public const int MajorPoints = 50;

    /// <summary>Each of up to two skills the posting names.</summary>
    public const int SkillPoints = 50;

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

        // First tier: the wished job, then the skills (each worth more than the whole second tier).
        var wished = OccupationCatalog.Find(person.WishedOccupationCode);
        var offered = OccupationCatalog.Find(posting.OccupationCode);
        var wishText = person.WishText?.Trim();
        if (!string.IsNullOrEmpty(wishText) && posting.Title is { } title && title.Contains(wishText, StringComparison.OrdinalIgnoreCase))
        {
            points += WishPoints;
            reasons.Add(new("Match.Wish", wishText));
        }
        else if (wished is not null && wished.Code == posting.OccupationCode)
        {
            points += WishPoints;
            reasons.Add(new("Match.Occupation", posting.OccupationCode));
        }
        else if (wished is not null && offered is not null && wished.Major == offered.Major)
        {
            points += MajorPoints;
            reasons.Add(new("Match.OccupationMajor", offered.Major));
        }

        var shared = SharedSkills(person.Skills, posting);
        if (shared.Count > 0)
        {
            points += Math.Min(2, shared.Count) * SkillPoints;
            reasons.Add(new("Match.Skills", string.Join("、", shared)));
        }

        // Second tier: place, pay, education, type.
        var level = SharedLevel(person.RegionCode, posting.RegionCode);
        points += level * 5;
        reasons.Add(new(level switch { 3 => "Match.SameCommunity", 2 => "Match.SameStreet", 1 => "Match.SameDistrict", _ => "Match.Elsewhere" }));

        if (person.WishedMonthlyPay is { } pay && posting.PayMax >= pay)
        {
            points += 5;
            reasons.Add(new("Match.Pay", ((int)pay).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (posting.Education is not { } required || (person.Education is { } education && required <= education))
        {
            points += 5;
            reasons.Add(new("Match.Education"));
        }

        if (person.WishedWorkType is { } type && Fits(type, posting.Type))
        {
            points += 5;
            reasons.Add(new("Match.Type"));
        }

        if (posting.Type == PostingType.PublicWelfare)
        {
            points += 5;
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

    /// <summary>
    /// The person's skills the posting asks for: a skill equal to one of the posting's required
    /// skills, or (two characters and more) named in its required skills, title or description
    /// (电工 in 维修电工 or 持低压电工证).
    /// </summary>
    private static List<string> SharedSkills(string? mine, PostingFacts posting)
    {
        if (string.IsNullOrWhiteSpace(mine))
        {
            return [];
        }

        char[] separators = [',', '，', '、', ';', '；', ' ', '/', '　'];
        var wanted = string.IsNullOrWhiteSpace(posting.Skills) ? [] : posting.Skills.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return mine.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => wanted.Any(w => string.Equals(h, w, StringComparison.OrdinalIgnoreCase))
                || (h.Length >= 2 && (Names(posting.Skills, h) || Names(posting.Title, h) || Names(posting.Description, h))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static bool Names(string? text, string word) => text is not null && text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
