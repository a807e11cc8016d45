namespace EmploymentPortal.Core.Scoping;

/// <summary>A record that belongs to one region, checked by resource-based authorization.</summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}
