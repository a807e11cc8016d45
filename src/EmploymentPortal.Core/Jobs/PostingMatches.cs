using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// Published postings ranked for a person's facts, best first, with the reasons: the one ranking
/// staff matching (<see cref="StaffJobServices.MatchPostingsAsync"/>) and the seeker's own page
/// (<see cref="SeekerService.MatchesAsync"/>) share. The database preselects a bounded number of
/// candidates by what is indexable or cheap (the wished job in the title or its occupation code,
/// the first skills in the title, then place); <see cref="JobMatching.Score"/> orders them and says why.
/// </summary>
internal static class PostingMatches
{
    /// <summary>How many candidates the database ranks before the reasons are worked out (bounded reads).</summary>
    public const int Candidates = 100;

    /// <summary>Stands for "nothing to look for" in the preselection (no title or code contains it).</summary>
    private const string Nothing = "\u0001";

    public static async Task<IReadOnlyList<MatchedPosting>> RankAsync(PortalDbContext db, UnscopedReads unscoped, SeekerFacts facts, DateOnly today, int top, CancellationToken cancellationToken)
    {
        var district = facts.RegionCode.Length >= 6 ? facts.RegionCode[..6] : Nothing;
        var street = facts.RegionCode.Length >= 9 ? facts.RegionCode[..9] : Nothing;
        var community = facts.RegionCode;

        // No wished occupation: nothing matches on occupation (an empty wish must not match every code by prefix).
        var wished = OccupationCatalog.Find(facts.WishedOccupationCode);
        var wishedCode = wished?.Code ?? Nothing;
        var major = wished is null ? Nothing : wished.Major + "-";
        var wishText = string.IsNullOrWhiteSpace(facts.WishText) ? Nothing : facts.WishText.Trim();
        var skills = (facts.Skills ?? string.Empty).Split([',', '，', '、', ';', '；', ' ', '/', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length >= 2).Take(2).ToList();
        var skill1 = skills.Count > 0 ? skills[0] : Nothing;
        var skill2 = skills.Count > 1 ? skills[1] : Nothing;

        var postings = unscoped.PublishedPostings().Where(p => p.ValidTo >= today);
        if (!facts.Hardship)
        {
            postings = postings.Where(p => p.Type != PostingType.PublicWelfare);
        }

        // The same tiers as the scorer: the wish and the skills first, then place.
        var candidates = await postings
            .OrderByDescending(p => (p.Title.Contains(wishText) || p.OccupationCode == wishedCode ? 40 : p.OccupationCode.StartsWith(major) ? 10 : 0)
                + (p.Title.Contains(skill1) ? 10 : 0) + (p.Title.Contains(skill2) ? 10 : 0)
                + (p.RegionCode == community ? 3 : p.RegionCode.StartsWith(street) ? 2 : p.RegionCode.StartsWith(district) ? 1 : 0))
            .ThenByDescending(p => p.PublishedAt)
            .Take(Candidates)
            .Select(p => new { p.Id, p.Title, p.Description, p.EmployerId, p.RegionId, p.RegionCode, p.OccupationCode, p.Education, p.Skills, p.PayMin, p.PayMax, p.Type, p.PublishedAt })
            .ToListAsync(cancellationToken);

        var scored = candidates
            .Select(p => (p, score: JobMatching.Score(facts, new PostingFacts(p.RegionCode, p.OccupationCode, p.Education, p.Skills, p.PayMin, p.PayMax, p.Type, p.Title, p.Description))))
            .Where(x => x.score is not null)
            .OrderByDescending(x => x.score!.Points)
            .ThenByDescending(x => x.p.PublishedAt)
            .Take(top)
            .ToList();
        var employerIds = scored.Select(x => x.p.EmployerId).Distinct().ToList();
        var regionIds = scored.Select(x => x.p.RegionId).Distinct().ToList();
        var employerNames = await unscoped.EmployerNamesAsync(employerIds, cancellationToken);
        var regionNames = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return scored.Select(x => new MatchedPosting(x.p.Id, x.p.Title, employerNames[x.p.EmployerId], regionNames[x.p.RegionId], x.p.PayMin, x.p.PayMax, x.p.Type, x.score!.Points, x.score.Reasons)).ToList();
    }
}
