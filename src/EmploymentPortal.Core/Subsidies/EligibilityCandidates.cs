using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>The "may qualify" lists (可能符合条件) over EF Core: the scope filter limits candidates and persons to the caller's area.</summary>
public sealed class EligibilityCandidates(PortalDbContext db)
{
    /// <summary>Per scheme the number of candidates in the caller's area, and the latest evaluation covering the area.</summary>
    public async Task<CandidatePanel> PanelAsync(CancellationToken cancellationToken)
    {
        // Listed = all − those of a flagged person + those of a flagged person still listed. The
        // exclusions are tested only for the few persons with an application or a 4050 request (the
        // small side), never for every candidate of the area: the whole count is an index-only scan
        // of (region_code, scheme_code) plus two lookups by person (issue 16, item 8; it was ~40 ms
        // for one community with the NOT EXISTS checked per candidate, and flipped plans).
        var flagged = db.SubsidyApplications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Rejected).Select(a => a.PersonId)
            .Concat(db.HardshipCertifications.AsNoTracking().Where(h => h.Category == EligibilityRules.Hardship4050).Select(h => h.PersonId));
        var all = await CountBySchemeAsync(db.EligibilityCandidates.AsNoTracking(), cancellationToken);
        var ofFlagged = await CountBySchemeAsync(db.EligibilityCandidates.AsNoTracking().Where(c => flagged.Contains(c.PersonId)), cancellationToken);
        var listedOfFlagged = ofFlagged.Count == 0 ? ofFlagged : await CountBySchemeAsync(Listed().Where(c => flagged.Contains(c.PersonId)), cancellationToken);
        var schemes = EligibilityRules.Implemented
            .Select(code => new CandidateCount(code, all.GetValueOrDefault(code) - ofFlagged.GetValueOrDefault(code) + listedOfFlagged.GetValueOrDefault(code)))
            .ToList();

        // The latest run that covered the caller's whole area (the runs are one row per evaluated subtree).
        var scope = db.Scope;
        EligibilityRun? latest = null;
        if (scope.SeesAll || scope.RegionPrefix is not null)
        {
            var area = scope.RegionPrefix ?? string.Empty;
            var runs = await db.EligibilityRuns.AsNoTracking().ToListAsync(cancellationToken);
            latest = runs.Where(r => area.StartsWith(r.RegionPrefix, StringComparison.Ordinal)).MaxBy(r => r.FinishedAt);
        }

        return new CandidatePanel(schemes, latest?.EvaluatedOn, latest?.FinishedAt);
    }

    private static async Task<Dictionary<string, int>> CountBySchemeAsync(IQueryable<EligibilityCandidate> candidates, CancellationToken cancellationToken) =>
        await candidates.GroupBy(c => c.SchemeCode).Select(g => new { Scheme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Scheme, g => g.Count, cancellationToken);

    /// <summary>One page of a scheme's candidates in the caller's area; null for a scheme the batch does not evaluate.</summary>
    public async Task<PagedResult<CandidateItem>?> ListAsync(string schemeCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        var code = EligibilityRules.Implemented.FirstOrDefault(c => string.Equals(c, schemeCode, StringComparison.OrdinalIgnoreCase));
        if (code is null)
        {
            return null;
        }

        var query = Listed().Where(c => c.SchemeCode == code);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

        // Page order follows the (scheme, region, person) index: community by community.
        var rows = await query
            .OrderBy(c => c.RegionCode).ThenBy(c => c.PersonId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Persons, c => c.PersonId, p => p.Id, (c, p) => new
            {
                c.PersonId,
                p.Name,
                p.IdNumberMasked,
                RegionName = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First(),
                c.RegionCode,
                c.Decision,
                c.MissingFacts,
                c.EvaluatedOn,
            })
            .ToListAsync(cancellationToken);
        var items = rows
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.PersonId)
            .Select(r => new CandidateItem(r.PersonId, r.Name, r.IdNumberMasked, r.RegionName, r.Decision,
                r.MissingFacts.Length == 0 ? [] : r.MissingFacts.Split(','), r.EvaluatedOn))
            .ToList();
        return new PagedResult<CandidateItem>(items, page, pageSize, total);
    }

    /// <summary>
    /// The candidates still worth showing: the batch's results minus what happened since it ran.
    /// Each exclusion is one NOT EXISTS here (the 4050 certification requested or granted since);
    /// subsidy applications already made belong here the same way.
    /// </summary>
    private IQueryable<EligibilityCandidate> Listed() =>
        db.EligibilityCandidates.AsNoTracking()
            .Where(c => c.SchemeCode != EligibilityRules.Hardship4050
                || !db.HardshipCertifications.Any(h => h.PersonId == c.PersonId && h.Category == EligibilityRules.Hardship4050
                    && (h.Status == CertificationStatus.Requested || h.Status == CertificationStatus.Approved)))

            // "Not yet applied": an application for the scheme that was not rejected takes the person off the list.
            .Where(c => !db.SubsidyApplications.Any(a => a.PersonId == c.PersonId && a.SchemeCode == c.SchemeCode && a.Status != ApplicationStatus.Rejected));
}
