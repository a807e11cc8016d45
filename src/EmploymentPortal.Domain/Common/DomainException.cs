namespace EmploymentPortal.Domain.Common;

/// <summary>Base type for a broken domain invariant. Each feature has its own subtype.</summary>
public abstract class DomainException : Exception
{
    protected DomainException(string message)
        : base(message)
    {
    }
}
