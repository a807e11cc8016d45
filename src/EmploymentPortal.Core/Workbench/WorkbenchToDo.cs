using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Workbench;

/// <summary>
/// Today's work on the station workbench (工作台, issue 16 item 2a): six counts, each the count of
/// the rows its linked list shows — the same query the list runs, through the context's region
/// scope and row-level security. Counted no further than <see cref="Cap"/> (the page shows "N+"),
/// all six in one SQL statement; the filters they use are indexed (docs/benchmarks.md, issue 16).
/// </summary>
public sealed class WorkbenchToDo(PortalDbContext db, IIdNumberProtector protector, PolicyParameterStore parameters, BusinessClock clock)
{
    /// <summary>A count stops here; the page shows "1,000+".</summary>
    public const int Cap = 1_000;

    /// <summary>The counts for the caller's area; <paramref name="regionId"/> is the caller's unit's region (one row to hang the counts on).</summary>
    public async Task<ToDoCounts> CountAsync(int regionId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var ledger = await LedgerQuery.CreateAsync(db, protector, parameters, today, cancellationToken);
        var dueVisit = ledger.Filter(LedgerFilter with { DueVisitOnly = true });
        var longTermSoon = ledger.Filter(LedgerFilter with { LongTermSoonOnly = true });
        var identified = db.Households.AsNoTracking().Where(h => h.Status == ZeroEmploymentStatus.Identified);
        var returned = db.SubsidyApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Returned);
        var transfers = TransferService.Waiting(db);
        var push = StaffJobServices.DueForPush(db, today);
        const int over = Cap + 1;
        var counts = await db.Regions.AsNoTracking()
            .Where(r => r.Id == regionId)
            .Select(r => new ToDoCounts(
                dueVisit.Take(over).Count(),
                identified.Take(over).Count(),
                returned.Take(over).Count(),
                transfers.Take(over).Count(),
                longTermSoon.Take(over).Count(),
                push.Take(over).Count()))
            .SingleOrDefaultAsync(cancellationToken);
        return counts ?? new ToDoCounts(0, 0, 0, 0, 0, 0);
    }

    private static readonly PersonListQuery LedgerFilter = new(null, null, null, false, false, null, null, PersonSort.Name, 1, 20);
}

/// <summary>
/// The workbench's counts, each at most <see cref="WorkbenchToDo.Cap"/> + 1 (more than the cap
/// means "N+"): certified hardship persons due a home visit, identified zero-employment households
/// without an assistance plan, returned applications, transfers waiting for the unit, registrations
/// becoming long-term within <see cref="LedgerQuery.LongTermSoonDays"/> days, and persons the
/// monthly push has not reached yet.
/// </summary>
public sealed record ToDoCounts(int DueVisit, int HouseholdsWithoutPlan, int ReturnedApplications, int TransfersWaiting, int LongTermSoon, int PushNotSent)
{
    public bool Nothing => DueVisit + HouseholdsWithoutPlan + ReturnedApplications + TransfersWaiting + LongTermSoon + PushNotSent == 0;
}
