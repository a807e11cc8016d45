using EmploymentPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class ScheduledJobRunConfiguration : IEntityTypeConfiguration<ScheduledJobRun>
{
    public void Configure(EntityTypeBuilder<ScheduledJobRun> builder)
    {
        builder.ToTable("scheduled_job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(100);
        builder.Property(r => r.Message).HasMaxLength(ScheduledJobRun.MessageLength);
        builder.Property(r => r.Instance).HasMaxLength(200);
        // The admin page reads each job's latest runs.
        builder.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
