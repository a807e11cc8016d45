using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Persons;

public sealed class PersonException : DomainException
{
    public PersonException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
