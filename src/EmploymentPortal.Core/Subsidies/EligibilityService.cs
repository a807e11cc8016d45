using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Eligibility;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Builds the facts the registry knows about a person (through the scope filter) and evaluates them;
/// the eligibility batch reads the same facts (<see cref="CandidateRules.RegistryFacts"/>) for a whole area.
/// </summary>
public sealed class EligibilityService(PortalDbContext db, PolicyParameterStore parameters)
{
    /// <summary>Evaluates a person of the caller's area for a scheme on a date; null when the person is not in the area.</summary>
    public async Task<EligibilityResult?> EvaluatePersonAsync(Guid personId, string code, DateOnly on, CancellationToken cancellationToken) =>
        await PersonFactsAsync(personId, on, null, cancellationToken) is { } facts ? await EvaluateAsync(facts, code, cancellationToken) : null;

    /// <summary>
    /// What the registry knows about a person of the caller's area for an application on
    /// <paramref name="applicationDate"/>, the person judged at <paramref name="personDate"/> (the hire;
    /// null: the application date); null when not in the area.
    /// </summary>
    public async Task<EligibilityFacts?> PersonFactsAsync(Guid personId, DateOnly applicationDate, DateOnly? personDate, CancellationToken cancellationToken) =>
        (await PersonAsync(personId, applicationDate, personDate, cancellationToken))?.Facts;

    /// <summary>The person's facts (<see cref="PersonFactsAsync"/>) and their area, in one read; null when not in the caller's area.</summary>
    public async Task<PersonFacts?> PersonAsync(Guid personId, DateOnly applicationDate, DateOnly? personDate, CancellationToken cancellationToken)
    {
        // The person's own conditions are read for the date they are judged at (the hire for the
        // schemes that reward one), from the registration history and the certifications, not
        // from today's status.
        var on = personDate ?? applicationDate;

        // Registered on the application date: open at its end. Registered when hired: open at the start of
        // the contract's first day, so a registration this hire ended that very day counts.
        var endedAfter = personDate is null ? on.AddDays(1) : on;
        var withoutWork = Domain.Households.ZeroEmploymentStatuses.WithoutWork;
        var certified = CertifiedPersons.ValidOn(db.HardshipCertifications, on);
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.RegionCode,
                p.BirthDate,
                p.Sex,
                p.FemaleCadre,
                p.LaborCapacity,
                p.WantsWork,
                ZeroEmployment = db.Households.Any(h => h.Id == p.HouseholdId && withoutWork.Contains(h.Status)),
                Registered = db.UnemploymentRegistrations.Any(r => r.PersonId == p.Id && r.RegisteredOn <= on && (r.EndedOn == null || r.EndedOn >= endedAfter)),
                Certified = certified.Where(c => c.PersonId == p.Id).Select(c => c.Category).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : new PersonFacts(person.RegionCode, new EligibilityFacts
        {
            ApplicationDate = applicationDate,
            PersonDate = personDate,
            BirthDate = person.BirthDate,
            Sex = person.Sex,
            RetirementSchedule = Domain.Persons.WorkingAge.ScheduleFor(person.Sex, person.FemaleCadre),
            LaborCapacity = person.LaborCapacity,
            WantsWork = person.WantsWork,
            RegisteredUnemployed = person.Registered,
            CertifiedCategories = person.Certified.ToHashSet(StringComparer.Ordinal),
            HardshipCertified = person.Certified.Count > 0,

            // Derived from the household's members (issue 3), as of today: a past date's status is not kept.
            ZeroEmploymentHousehold = person.ZeroEmployment,
        });
    }

    /// <summary>Evaluates facts against a scheme with the parameter versions in force.</summary>
    public async Task<EligibilityResult> EvaluateAsync(EligibilityFacts facts, string code, CancellationToken cancellationToken) =>
        EligibilityRules.Evaluate(facts, code, await parameters.GetAsync(cancellationToken));
}

/// <summary>A person's registry facts and the area (region code) their records belong to.</summary>
public sealed record PersonFacts(string RegionCode, EligibilityFacts Facts);
