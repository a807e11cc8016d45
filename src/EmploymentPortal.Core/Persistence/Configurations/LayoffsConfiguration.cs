using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class LayoffReportConfiguration : IEntityTypeConfiguration<LayoffReport>
{
    public void Configure(EntityTypeBuilder<LayoffReport> builder)
    {
        builder.ToTable("layoff_reports", t =>
        {
            t.HasCheckConstraint("ck_layoff_reports_counts", "reduction_count >= 1 AND reduction_count <= workforce_count");
        });
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(r => r.Reason).HasMaxLength(LayoffReport.ReasonMaxLength);
        builder.Property(r => r.ContactName).HasMaxLength(LayoffReport.ContactMaxLength);
        builder.Property(r => r.ContactPhone).HasMaxLength(LayoffReport.PhoneMaxLength);
        builder.Property(r => r.ThresholdShare).HasPrecision(9, 4);
        builder.Property(r => r.FiledByName).HasMaxLength(256);
        builder.Property(r => r.AcknowledgementNote).HasMaxLength(LayoffReport.NoteMaxLength);
        builder.Property(r => r.AcknowledgedByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.Share);
        builder.HasOne<Employer>().WithMany().HasForeignKey(r => r.EmployerId).OnDelete(DeleteBehavior.Restrict);

        // The early-warning list: reportable reports of an area, newest or largest first.
        builder.HasIndex(r => new { r.RegionCode, r.Reportable, r.FiledAt });
        builder.HasIndex(r => r.EmployerId);
    }
}

public sealed class MonitoringPointConfiguration : IEntityTypeConfiguration<MonitoringPoint>
{
    public void Configure(EntityTypeBuilder<MonitoringPoint> builder)
    {
        builder.ToTable("monitoring_points");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(p => p.DesignatedByName).HasMaxLength(256);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);

        // A street or community is designated once.
        builder.HasIndex(p => p.RegionId).IsUnique();
        builder.HasIndex(p => p.RegionCode);
    }
}

public sealed class MonitoringFilingConfiguration : IEntityTypeConfiguration<MonitoringFiling>
{
    public void Configure(EntityTypeBuilder<MonitoringFiling> builder)
    {
        builder.ToTable("monitoring_filings", t =>
        {
            t.HasCheckConstraint("ck_monitoring_filings_counts", "employed_count >= 0 AND newly_unemployed >= 0");
            t.HasCheckConstraint("ck_monitoring_filings_month", "extract(day from month) = 1");
        });
        builder.Property(f => f.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(f => f.Note).HasMaxLength(MonitoringFiling.NoteMaxLength);
        builder.Property(f => f.FiledByName).HasMaxLength(256);
        builder.HasOne<MonitoringPoint>().WithMany().HasForeignKey(f => f.PointId).OnDelete(DeleteBehavior.Cascade);

        // Once per point and month: a double submit inserts once.
        builder.HasIndex(f => new { f.PointId, f.Month }).IsUnique();
        builder.HasIndex(f => new { f.RegionCode, f.Month });
    }
}
