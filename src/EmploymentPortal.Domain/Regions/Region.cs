namespace EmploymentPortal.Domain.Regions;

/// <summary>A node of the administrative tree (province → city → county → street → community).</summary>
public sealed class Region
{
    public const int NameMaxLength = 60;

    private Region()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>The 12-digit statistical code (see <see cref="RegionCode"/>).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level { get; private set; }

    public int? ParentId { get; private set; }

    public RegionCode RegionCode => RegionCode.Parse(Code);

    public static Region Create(RegionCode code, string name, Region? parent)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new RegionException("Region.NameRequired", "Name");
        }

        if (parent is null && code.Level != RegionLevel.Province)
        {
            throw new RegionException("Region.ParentRequired");
        }

        if (parent is not null && (parent.Level != code.Level - 1 || !parent.RegionCode.Contains(code)))
        {
            throw new RegionException("Region.NotUnderParent");
        }

        return new Region { Code = code.Value, Name = name, Level = code.Level, ParentId = parent?.Id };
    }
}
