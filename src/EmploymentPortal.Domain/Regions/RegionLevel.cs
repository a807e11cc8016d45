namespace EmploymentPortal.Domain.Regions;

/// <summary>The five levels of the administrative tree, from the top down.</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Street = 4,
    Community = 5,
}
