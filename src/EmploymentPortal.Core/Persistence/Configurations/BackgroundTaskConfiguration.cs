using EmploymentPortal.Core.BackgroundWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class BackgroundTaskConfiguration : IEntityTypeConfiguration<BackgroundTask>
{
    public void Configure(EntityTypeBuilder<BackgroundTask> builder)
    {
        builder.ToTable("background_tasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasMaxLength(32);
        builder.Property(t => t.RequestedByName).HasMaxLength(256);
        builder.Property(t => t.RequestedByRole).HasMaxLength(64);
        builder.Property(t => t.RegionCode).HasMaxLength(12);
        builder.Property(t => t.Culture).HasMaxLength(16);
        builder.Property(t => t.Parameters).HasColumnType("jsonb");
        builder.Property(t => t.Message).HasMaxLength(200);
        builder.Property(t => t.Result).HasColumnType("jsonb");
        builder.Property(t => t.ResultFileName).HasMaxLength(200);
        builder.Property(t => t.ResultContentType).HasMaxLength(100);
        builder.Ignore(t => t.IsFinished);

        // The runner's claim reads the queue in order; the page reads by id.
        builder.HasIndex(t => new { t.State, t.CreatedAt });
        builder.HasIndex(t => t.RegionCode);
    }
}
