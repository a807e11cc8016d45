using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Policies;

/// <summary>Loads every parameter version once per scope (they are few and change rarely).</summary>
public sealed class PolicyParameterStore(PortalDbContext db)
{
    private PolicyParameterSet? _set;

    public async Task<PolicyParameterSet> GetAsync(CancellationToken cancellationToken)
    {
        if (_set is null)
        {
            _set = new PolicyParameterSet(await db.PolicyParameters.AsNoTracking()
                .Select(p => new ParameterVersion(p.Key, p.EffectiveFrom, p.Value, p.Source)).ToListAsync(cancellationToken));
        }

        return _set;
    }
}
