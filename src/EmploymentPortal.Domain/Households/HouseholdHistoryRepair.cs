namespace EmploymentPortal.Domain.Households;

/// <summary>A recorded status step as the repair reads it: <paramref name="MemberFoundWork"/> when a member's finding work was recorded in the same transaction.</summary>
public sealed record RecordedStep(long Id, ZeroEmploymentStatus From, ZeroEmploymentStatus To, DateOnly On, HouseholdChangeCause Cause, bool MemberFoundWork);

/// <summary>What becomes of one recorded step: kept (with these values) or dropped (<paramref name="Keep"/> false).</summary>
public sealed record CorrectedStep(long Id, ZeroEmploymentStatus From, ZeroEmploymentStatus To, DateOnly On, HouseholdChangeCause Cause, bool Keep);

/// <summary>
/// Corrects a household's recorded history where an elimination was not caused by a member
/// finding work (before issue 13 a working member added to an identified household, or an
/// employed member reaching working age, "eliminated" it). Such a step becomes a clearing
/// (identified or assisting → not a zero-employment household); the steps after it are replayed
/// from the corrected status: "stable" and "cleared" after a false elimination have nothing left
/// to do and are dropped, "identified again" starts from "not a zero-employment household".
/// </summary>
public static class HouseholdHistoryRepair
{
    public static IReadOnlyList<CorrectedStep> Replay(IEnumerable<RecordedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var current = ZeroEmploymentStatus.None;
        var corrected = new List<CorrectedStep>();
        foreach (var step in steps.OrderBy(s => s.Id))
        {
            var elimination = step.To == ZeroEmploymentStatus.Eliminated && step.From is ZeroEmploymentStatus.Identified or ZeroEmploymentStatus.Assisting;
            var foundWork = step.Cause == HouseholdChangeCause.MemberFoundWork || step.MemberFoundWork;
            var (to, cause) = (elimination, foundWork) switch
            {
                (true, false) => (ZeroEmploymentStatus.None, HouseholdChangeCause.Corrected),
                (true, true) => (current == step.From ? ZeroEmploymentStatus.Eliminated : current, HouseholdChangeCause.MemberFoundWork),

                // Where the record had eliminated or stable, the corrected history has "none":
                // only becoming zero-employment again still moves it.
                _ when current == step.From => (step.To, step.Cause),
                _ => (step.To == ZeroEmploymentStatus.Identified ? ZeroEmploymentStatus.Identified : current, step.Cause),
            };

            var keep = to != current;
            corrected.Add(new CorrectedStep(step.Id, current, to, step.On, cause, keep));
            if (keep)
            {
                current = to;
            }
        }

        return corrected;
    }
}
