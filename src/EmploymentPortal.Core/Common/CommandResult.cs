namespace EmploymentPortal.Core.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    /// <summary>The count stopped at a cap: <see cref="TotalCount"/> is a lower bound (the page shows "N+").</summary>
    public bool CountCapped { get; init; }
}

/// <summary>
/// The outcome of a command: success, or errors keyed by the field they belong to
/// (an empty key for the whole form). Messages are localization keys.
/// </summary>
public sealed record CommandResult(IReadOnlyList<(string Field, string MessageKey)> Errors)
{
    public static CommandResult Ok { get; } = new(Array.Empty<(string, string)>());

    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Fail(string field, string messageKey) => new([(field, messageKey)]);

    /// <summary>The one translation of a domain refusal into a form error.</summary>
    public static CommandResult Refused(Domain.Common.DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Fail(refusal.Field, refusal.MessageKey);
    }
}
