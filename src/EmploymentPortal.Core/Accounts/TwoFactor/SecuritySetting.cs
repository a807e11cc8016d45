using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Accounts.TwoFactor;

/// <summary>The portal's security settings a security administrator keeps: one row (id 1).</summary>
public sealed class SecuritySetting
{
    public const int SingletonId = 1;
    public const int DefaultGraceDays = 7;
    public const int MaxGraceDays = 90;

    public int Id { get; set; } = SingletonId;

    /// <summary>Days a staff account may still sign in without a second factor, from its first sign-in without one.</summary>
    public int MfaGraceDays { get; set; } = DefaultGraceDays;
}

public sealed class SecuritySettingConfiguration : IEntityTypeConfiguration<SecuritySetting>
{
    public void Configure(EntityTypeBuilder<SecuritySetting> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("security_settings", t => t.HasCheckConstraint("ck_security_settings_grace", $"mfa_grace_days BETWEEN 0 AND {SecuritySetting.MaxGraceDays}"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new SecuritySetting { Id = SecuritySetting.SingletonId, MfaGraceDays = SecuritySetting.DefaultGraceDays });
    }
}
