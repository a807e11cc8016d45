using EmploymentPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.ToTable("ended_sessions");
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).ValueGeneratedNever();
        builder.HasIndex(s => s.EndedAt);
    }
}
