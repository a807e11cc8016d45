using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Regions;

public sealed class RegionException : DomainException
{
    public RegionException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
