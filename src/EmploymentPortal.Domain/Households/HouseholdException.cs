using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Households;

public sealed class HouseholdException : DomainException
{
    public HouseholdException(string message)
        : base(message)
    {
    }
}
