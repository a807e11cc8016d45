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
    public async Task<EligibilityResult?> EvaluatePersonAsync(Guid personId, string code, DateOnly on, CancellationToken cancellationToken) =>
        await PersonFactsAsync(personId, on, cancellationToken) is { } facts ? await EvaluateAsync(facts, code, cancellationToken) : null;

    public async Task<EligibilityFacts?> PersonFactsAsync(Guid personId, DateOnly on, CancellationToken cancellationToken)
    {
        var withoutWork = Domain.Households.ZeroEmploymentStatuses.WithoutWork;
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.BirthDate,
                p.Sex,
                p.LaborCapacity,
                p.WantsWork,
                p.HardshipCertifiedOn,
                ZeroEmployment = db.Households.Any(h => h.Id == p.HouseholdId && withoutWork.Contains(h.Status)),
                Registered = db.UnemploymentRegistrations.Any(r => r.PersonId == p.Id && r.RegisteredOn <= on && (r.EndedOn == null || r.EndedOn > on)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : new EligibilityFacts
        {
            ApplicationDate = on,
            BirthDate = person.BirthDate,
            Sex = person.Sex,
            LaborCapacity = person.LaborCapacity,
            WantsWork = person.WantsWork,
            RegisteredUnemployed = person.Registered,
            HardshipCertified = person.HardshipCertifiedOn is { } certified && certified <= on,

            // Derived from the household's members (issue 3), as of today: a past date's status is not kept.
            ZeroEmploymentHousehold = person.ZeroEmployment,
        };
    }

    public async Task<EligibilityResult> EvaluateAsync(EligibilityFacts facts, string code, CancellationToken cancellationToken) =>
        EligibilityRules.Evaluate(facts, code, await parameters.GetAsync(cancellationToken));
}
