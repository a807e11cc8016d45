using EmploymentPortal.Application.Subsidies;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Infrastructure.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Infrastructure.Subsidies;

/// <summary>
/// Builds the facts the registry knows about a person (through the scope filter) and evaluates them;
/// the eligibility batch reads the same facts (<see cref="CandidateRules.RegistryFacts"/>) for a whole area.
/// </summary>
public sealed class EligibilityService(PortalDbContext db, PolicyParameterStore parameters) : IEligibilityService
{
    public async Task<EligibilityResult?> EvaluatePersonAsync(Guid personId, string code, DateOnly on, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.BirthDate,
                p.Sex,
                p.LaborCapacity,
                p.WantsWork,
                p.HardshipCertifiedOn,
                Registered = db.UnemploymentRegistrations.Any(r => r.PersonId == p.Id && r.RegisteredOn <= on && (r.EndedOn == null || r.EndedOn > on)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var facts = new EligibilityFacts
        {
            ApplicationDate = on,
            BirthDate = person.BirthDate,
            Sex = person.Sex,
            LaborCapacity = person.LaborCapacity,
            WantsWork = person.WantsWork,
            RegisteredUnemployed = person.Registered,
            HardshipCertified = person.HardshipCertifiedOn is { } certified && certified <= on,
        };
        return EligibilityRules.Evaluate(facts, code, await parameters.GetAsync(cancellationToken));
    }
}
