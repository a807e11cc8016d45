using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Households;

public sealed class HouseholdException : DomainException
{
    public HouseholdException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
