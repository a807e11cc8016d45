using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class AnnualTargetConfiguration : IEntityTypeConfiguration<Domain.Reports.AnnualTarget>
{
    public void Configure(EntityTypeBuilder<Domain.Reports.AnnualTarget> builder)
    {
        builder.ToTable("annual_targets");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(t => t.Indicator).HasConversion<short>();
        builder.Property(t => t.SetByName).HasMaxLength(256);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.RegionCode, t.Year, t.Indicator }).IsUnique();
    }
}
