namespace EmploymentPortal.Domain.Audit;

/// <summary>
/// One append-only line of the audit trail: who did what to which record, when, with the state
/// before and after (as JSON, personal identifiers masked). Written in the same transaction as
/// the change it describes.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 60;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 64;
    public const int ActorNameMaxLength = 256;

    private AuditEvent()
    {
        ActorName = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The region the record belongs to, when it has one (for scoped audit views).</summary>
    public string? RegionCode { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>The row's place in the audit hash chain (1, 2, …), set by the database when the row is inserted (docs/adr/0004).</summary>
    public long Seq { get; private set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the chain (32 zero bytes for the first), set by the database.</summary>
    public byte[]? PrevHash { get; private set; }

    /// <summary>SHA-256 over <see cref="PrevHash"/> and a canonical encoding of this row's fields, set by the database.</summary>
    public byte[]? Hash { get; private set; }

    public static AuditEvent Record(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string actorName,
        string action,
        string entityType,
        string entityId,
        string? regionCode,
        string? before,
        string? after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        return new AuditEvent
        {
            OccurredAt = occurredAt.ToUniversalTime(),
            ActorId = actorId,
            ActorName = Truncate(actorName, ActorNameMaxLength),
            Action = Truncate(action, ActionMaxLength),
            EntityType = Truncate(entityType, EntityTypeMaxLength),
            EntityId = Truncate(entityId, EntityIdMaxLength),
            RegionCode = regionCode,
            Before = before,
            After = after,
        };
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
