namespace EmploymentPortal.Domain.Persons;

public enum Sex
{
    Male = 1,
    Female = 2,
}
