using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.SignUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class SignUpChallengeConfiguration : IEntityTypeConfiguration<SignUpChallenge>
{
    public void Configure(EntityTypeBuilder<SignUpChallenge> builder)
    {
        builder.ToTable("sign_up_challenges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Login).HasMaxLength(SignUpChallenge.LoginMaxLength);
        builder.Property(c => c.Role).HasMaxLength(64);
        builder.Property(c => c.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength);
        builder.Property(c => c.CodeHash).HasMaxLength(32);
        builder.HasIndex(c => new { c.Login, c.CreatedAt });
    }
}
