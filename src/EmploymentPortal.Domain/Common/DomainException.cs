namespace EmploymentPortal.Domain.Common;

/// <summary>
/// A broken domain invariant: the one way the domain refuses. <see cref="MessageKey"/> is a text key
/// the pages translate, <see cref="Field"/> the form field it belongs to (empty: the whole form),
/// <see cref="Args"/> the values the text names. Services translate it to form errors in one place
/// (<c>CommandResult.Refused</c>) and do not repeat the domain's checks. Each feature has its own subtype.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string messageKey, string field = "", params object[] args)
        : base(messageKey)
    {
        MessageKey = messageKey;
        Field = field;
        Args = args;
    }

    public string MessageKey { get; }

    public string Field { get; }

    public IReadOnlyList<object> Args { get; }
}
