using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Who holds a hardship certification on a date: the approved certifications valid then, per
/// category (<see cref="HardshipCertification.IsValidOn"/>), the one source of truth. Use it as a
/// subquery: <c>CertifiedPersons.On(db, today).Contains(p.Id)</c>.
/// </summary>
public static class CertifiedPersons
{
    public static IQueryable<Guid> On(PortalDbContext db, DateOnly date, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var valid = ValidOn(db.HardshipCertifications, date);
        return (category is null ? valid : valid.Where(c => c.Category == category)).Select(c => c.PersonId);
    }

    /// <summary>The certifications of <paramref name="source"/> that hold on <paramref name="date"/> (the SQL of <see cref="HardshipCertification.IsValidOn"/>).</summary>
    public static IQueryable<HardshipCertification> ValidOn(IQueryable<HardshipCertification> source, DateOnly date) =>
        source.Where(c => c.Status == CertificationStatus.Approved && c.ValidFrom <= date && (c.ValidTo == null || c.ValidTo > date));
}
