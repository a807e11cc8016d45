using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>A person as the audit trail records them: what staff typed and the masked number, never the full number or phone.</summary>
public static class PersonSnapshot
{
    public static object Of(Person p) => new
    {
        name = p.Name,
        idNumber = p.IdNumberMasked,
        phone = Person.MaskPhone(p.Phone),
        address = p.Address,
        regionCode = p.RegionCode,
        employmentStatus = p.EmploymentStatus.ToString(),
        laborCapacity = p.LaborCapacity.ToString(),
        wantsWork = p.WantsWork,
        priorityGroups = p.PriorityGroups.ToString(),
        education = p.Education.ToString(),
        hukou = p.Hukou.ToString(),
    };
}
