namespace EmploymentPortal.Domain.Persons;

public enum TransferStatus
{
    Pending = 1,
    Released = 2,
    Refused = 3,
}

/// <summary>
/// A resident's move between communities: the receiving station requests it, the holding station
/// (or its street office) releases or refuses it. Kept after the decision as the move's history.
/// Visible to both sides (the region-scope filter matches either end).
/// </summary>
public sealed class TransferRequest
{
    public const int NoteMaxLength = 500;

    private TransferRequest()
    {
        FromRegionCode = string.Empty;
        ToRegionCode = string.Empty;
        RequestedByName = string.Empty;
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public int FromRegionId { get; private set; }

    public string FromRegionCode { get; private set; }

    public int ToRegionId { get; private set; }

    public string ToRegionCode { get; private set; }

    public string Reason { get; private set; }

    public Guid? RequestedById { get; private set; }

    public string RequestedByName { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public TransferStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public uint Version { get; private set; }

    public static TransferRequest Request(Guid personId, int fromRegionId, string fromRegionCode, int toRegionId, string toRegionCode, string reason, Guid? byId, string byName, DateTimeOffset at)
    {
        if (fromRegionId == toRegionId)
        {
            throw new PersonException("Transfer.SameRegion", "RegionId");
        }

        return new TransferRequest
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            FromRegionId = fromRegionId,
            FromRegionCode = fromRegionCode,
            ToRegionId = toRegionId,
            ToRegionCode = toRegionCode,
            Reason = Text(reason, "Reason"),
            RequestedById = byId,
            RequestedByName = byName,
            RequestedAt = at,
            Status = TransferStatus.Pending,
        };
    }

    /// <summary>Releases or refuses (reason required) a pending request; the requester may not release it.</summary>
    public void Decide(bool release, string? note, Guid? byId, string byName, DateTimeOffset at)
    {
        if (Status != TransferStatus.Pending)
        {
            throw new PersonException("Transfer.AlreadyDecided");
        }

        // Separation of duties: whoever requested the move may not release it (system actors,
        // without an id, are not checked).
        if (release && byId is not null && byId == RequestedById)
        {
            throw new PersonException("Transfer.OwnRequest");
        }

        if (!release && string.IsNullOrWhiteSpace(note))
        {
            throw new PersonException("Transfer.RefusalReason", "Note");
        }

        Status = release ? TransferStatus.Released : TransferStatus.Refused;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : Text(note, "Note");
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
    }

    private static string Text(string text, string field)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length is 0 or > NoteMaxLength ? throw new PersonException("Transfer.ReasonRequired", field) : value;
    }
}
