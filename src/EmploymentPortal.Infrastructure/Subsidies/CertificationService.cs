using EmploymentPortal.Application.Accounts;
using EmploymentPortal.Application.Common;
using EmploymentPortal.Application.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Infrastructure.Audit;
using EmploymentPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Infrastructure.Subsidies;

/// <summary>Hardship certification over EF Core; the scope filter limits both sides to their area.</summary>
public sealed class CertificationService(
    PortalDbContext db,
    IEligibilityService eligibility,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock) : ICertificationService
{
    private const string EntityType = "HardshipCertification";

    private DateOnly Today => clock.Today;

    public async Task<CommandResult> RequestAsync(Guid personId, string category, CancellationToken cancellationToken)
    {
        if (!EligibilityRules.HardshipCategories.Any(c => c.Code == category))
        {
            return CommandResult.Fail(string.Empty, "Certification.UnknownCategory");
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.RegionCode, p.HardshipCertifiedOn }).SingleOrDefaultAsync(cancellationToken);
        var check = await eligibility.EvaluatePersonAsync(personId, category, Today, cancellationToken);
        if (person is null || check is null)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        if (person.HardshipCertifiedOn is not null)
        {
            return CommandResult.Fail(string.Empty, "Certification.AlreadyCertified");
        }

        var request = HardshipCertification.Request(personId, person.RegionCode, check, actor.UserId, actor.Name, clock.UtcNow);
        db.HardshipCertifications.Add(request);
        audit.Add("CertificationRequested", EntityType, request.Id.ToString(), person.RegionCode, null, new { personId, applicationDate = request.ApplicationDate, check = check.Decision.ToString() });
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

    public async Task<CertificationItem?> LatestForPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        (await ItemsAsync(db.HardshipCertifications.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.RequestedAt).Take(1), cancellationToken)).SingleOrDefault();

    public async Task<CommandResult> DecideAsync(Guid id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var request = await db.HardshipCertifications.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (request is null)
        {
            return CommandResult.Fail(string.Empty, "Certification.NotFound");
        }

        if (request.Status != CertificationStatus.Requested)
        {
            return CommandResult.Fail(string.Empty, "Certification.AlreadyDecided");
        }

        if (!approve && string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Fail("Reason", "Certification.ReasonRequired");
        }

        if (actor.UserId is { } me && me == request.RequestedById)
        {
            return CommandResult.Fail(string.Empty, "Certification.OwnRequest");
        }

        var now = clock.UtcNow;
        request.Decide(approve, reason, actor.UserId, actor.Name, now);
        if (approve)
        {
            var person = await db.Persons.SingleAsync(p => p.Id == request.PersonId, cancellationToken);
            person.CertifyHardship(request.ApplicationDate, now);
        }

        audit.Add(approve ? "CertificationApproved" : "CertificationRejected", EntityType, id.ToString(), request.RegionCode, null, new { personId = request.PersonId, reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another official decided it a moment earlier (xmin changed): one decision stands.
            return CommandResult.Fail(string.Empty, "Certification.AlreadyDecided");
        }

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
            r.Certification.CheckDecision, r.Certification.CheckSummary.Split('\n'), r.Certification.RequestedByName, r.Certification.RequestedAt,
            today.DayNumber - clock.DateOf(r.Certification.RequestedAt).DayNumber,
            r.Certification.Status, r.Certification.DecidedByName, r.Certification.DecidedAt, r.Certification.DecisionReason)).ToList();
    }
}
