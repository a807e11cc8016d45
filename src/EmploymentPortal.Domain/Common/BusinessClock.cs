namespace EmploymentPortal.Domain.Common;

/// <summary>
/// The portal's one clock: "now" as an instant (stored as UTC <c>timestamptz</c>) and "today" as
/// the business date in the portal's time zone (<c>Portal:TimeZone</c>, default
/// <see cref="DefaultTimeZoneId"/>). Every page, service, job, seeder and command asks this for
/// the time; the real clock is read only where the composition root registers
/// <see cref="TimeProvider"/>, so tests pin and advance it (docs/testing.md).
/// </summary>
/// <remarks>
/// A server or container runs in UTC: from 00:00 to 08:00 Beijing time the server's own date is
/// still yesterday. Dates a person sees or types (registration, birthdays reached, notice periods,
/// posting expiry) are therefore always taken in <see cref="Zone"/>, never in the server's zone.
/// </remarks>
public sealed class BusinessClock(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>China Standard Time (UTC+8, no daylight saving).</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The source of time underneath, for timers and delays (tests substitute it).</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The business time zone.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The current instant, with offset zero (what <c>timestamptz</c> stores).</summary>
    public DateTimeOffset UtcNow => Time.GetUtcNow();

    /// <summary>The current instant as a wall-clock time in <see cref="Zone"/>.</summary>
    public DateTimeOffset Now => InZone(UtcNow);

    /// <summary>Today's business date in <see cref="Zone"/>.</summary>
    public DateOnly Today => DateOf(UtcNow);

    /// <summary>An instant as a wall-clock time in <see cref="Zone"/>, for showing it to people.</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>An optional instant as a wall-clock time in <see cref="Zone"/>.</summary>
    public DateTimeOffset? InZone(DateTimeOffset? instant) => instant is { } value ? InZone(value) : null;

    /// <summary>The business date on which an instant falls in <see cref="Zone"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(InZone(instant).DateTime);

    /// <summary>The instant (offset zero) at which a business date begins in <see cref="Zone"/>.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The time zone a configured id names (IANA, e.g. <c>Asia/Shanghai</c>; empty: the default).
    /// An unknown id stops start-up with a message naming the key.
    /// </summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultTimeZoneId : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException(
                $"Portal:TimeZone '{id}' is not a time zone this machine knows (an IANA id such as '{DefaultTimeZoneId}'; install tzdata if none is known).", e);
        }
    }
}
