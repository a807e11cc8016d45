using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class PolicyParameterConfiguration : IEntityTypeConfiguration<PolicyParameter>
{
    public void Configure(EntityTypeBuilder<PolicyParameter> builder)
    {
        builder.ToTable("policy_parameters");
        builder.Property(p => p.Key).HasMaxLength(PolicyParameter.KeyMaxLength);
        builder.Property(p => p.Source).HasMaxLength(PolicyParameter.SourceMaxLength);
        builder.Property(p => p.Value).HasPrecision(18, 4);
        builder.HasIndex(p => new { p.Key, p.EffectiveFrom }).IsUnique();
    }
}
