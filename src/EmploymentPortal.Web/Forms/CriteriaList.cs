using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// A check's criteria as the shared list shows them (Pages/Shared/_Criteria): a live check's or a
/// stored one's. <paramref name="UnknownTextKey"/> names an unknown outcome (the public self-check
/// says the station checks it).
/// </summary>
public sealed record CriteriaList(IReadOnlyList<(string Code, Outcome Outcome, Reason Reason)> Lines, string UnknownTextKey = "Outcome.Unknown")
{
    public static CriteriaList Of(IEnumerable<Criterion> criteria, string unknownTextKey = "Outcome.Unknown") =>
        new(criteria.Select(c => (c.Code, c.Outcome, c.Reason)).ToList(), unknownTextKey);

    public static CriteriaList Of(IEnumerable<StoredCriterion> criteria) =>
        new(criteria.Select(c => (c.Code, c.Outcome, c.Reason)).ToList());
}
