using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("org_units");
        builder.Property(u => u.Name).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(u => u.Kind).HasConversion<short>();
        builder.Property(u => u.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.HasIndex(u => u.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.RegionId, u.Kind }).IsUnique();
    }
}
