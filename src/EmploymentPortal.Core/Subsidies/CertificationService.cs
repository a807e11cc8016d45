using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>Hardship certification over EF Core; the scope filter limits both sides to their area.</summary>
public sealed class CertificationService(
    PortalDbContext db,
    EligibilityService eligibility,
    PolicyParameterStore parameters,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock,
    PortalMetrics metrics)
{
    private const string EntityType = "HardshipCertification";

    private DateOnly Today => clock.Today;

    public async Task<CommandResult> RequestAsync(Guid personId, string category, string? overrideReason, CancellationToken cancellationToken)
    {
        if (!EligibilityRules.HardshipCategories.Any(c => c.Code == category))
        {
            return CommandResult.Fail(string.Empty, "Certification.UnknownCategory");
        }

        // One read of the person: the registry's facts for today and the area the request belongs to.
        if (await eligibility.PersonAsync(personId, Today, null, cancellationToken) is not { } person)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        // Per category: a person certified in one category may be requested in another.
        if (person.Facts.CertifiedCategories!.Contains(category))
        {
            return CommandResult.Fail(string.Empty, "Certification.AlreadyCertified");
        }

        var check = await eligibility.EvaluateAsync(person.Facts, category, cancellationToken);
        HardshipCertification request;
        try
        {
            request = HardshipCertification.Request(personId, person.RegionCode, check, overrideReason, actor.UserId, actor.Name, clock.UtcNow);
        }
        catch (EligibilityException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        db.HardshipCertifications.Add(request);
        audit.Add("CertificationRequested", EntityType, request.Id.ToString(), person.RegionCode, null,
            new { personId, category, applicationDate = request.ApplicationDate, check = check.Decision.ToString(), overrideReason = request.OverrideReason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CommandResult.Fail(string.Empty, "Certification.AlreadyRequested");
        }

        return CommandResult.Ok;
    }

    public async Task<IReadOnlyList<CertificationItem>> PendingAsync(CancellationToken cancellationToken) =>
        await ItemsAsync(db.HardshipCertifications.AsNoTracking().Where(c => c.Status == CertificationStatus.Requested).OrderBy(c => c.RequestedAt).Take(500), cancellationToken);

    public async Task<CertificationItem?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ItemsAsync(db.HardshipCertifications.AsNoTracking().Where(c => c.Id == id), cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<CertificationItem>> LatestForPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        (await ItemsAsync(db.HardshipCertifications.AsNoTracking().Where(c => c.PersonId == personId), cancellationToken))
            .GroupBy(c => c.Category).Select(g => g.MaxBy(c => c.RequestedAt)!).ToList();

    public async Task<CommandResult> DecideAsync(Guid id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var request = await db.HardshipCertifications.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (request is null)
        {
            return CommandResult.Fail(string.Empty, "Certification.NotFound");
        }

        // The 4050 status ends at the person's statutory retirement date; other categories hold until revoked.
        DateOnly? validTo = null;
        if (approve && request.Category == EligibilityRules.Hardship4050)
        {
            var person = await db.Persons.AsNoTracking().Where(p => p.Id == request.PersonId).Select(p => new { p.BirthDate, p.Sex, p.FemaleCadre }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                // Transferred out of the area since the request: the new area decides.
                return CommandResult.Fail(string.Empty, "Person.NotFound");
            }

            validTo = WorkingAge.RetirementDate(person.BirthDate, WorkingAge.ScheduleFor(person.Sex, person.FemaleCadre), request.ApplicationDate, await parameters.GetAsync(cancellationToken));
        }

        try
        {
            request.Decide(approve, reason, validTo, actor.UserId, actor.Name, clock.UtcNow);
        }
        catch (EligibilityException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        audit.Add(approve ? "CertificationApproved" : "CertificationRejected", EntityType, id.ToString(), request.RegionCode, null,
            new { personId = request.PersonId, category = request.Category, reason, validFrom = request.ValidFrom, validTo = request.ValidTo });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another official decided it a moment earlier (xmin changed): one decision stands.
            return CommandResult.Fail(string.Empty, "Certification.AlreadyDecided");
        }

        metrics.CertificationDecided(approve, request.Category);
        return CommandResult.Ok;
    }

    private async Task<List<CertificationItem>> ItemsAsync(IQueryable<HardshipCertification> query, CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await query
            .Join(db.Persons, c => c.PersonId, p => p.Id, (c, p) => new
            {
                Certification = c,
                p.Name,
                p.IdNumberMasked,
                RegionName = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Certification.RequestedAt).Select(r => new CertificationItem(
            r.Certification.Id, r.Certification.PersonId, r.Certification.Category, r.Name, r.IdNumberMasked, r.RegionName, r.Certification.ApplicationDate,
            r.Certification.CheckDecision, r.Certification.Check, r.Certification.RequestedByName, r.Certification.RequestedAt,
            today.DayNumber - clock.DateOf(r.Certification.RequestedAt).DayNumber,
            r.Certification.Status, r.Certification.DecidedByName, r.Certification.DecidedAt, r.Certification.DecisionReason,
            r.Certification.OverrideReason, r.Certification.ValidFrom, r.Certification.ValidTo)).ToList();
    }
}
