using EmploymentPortal.Domain.Audit;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(a => a.ActorName).HasMaxLength(AuditEvent.ActorNameMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEvent.ActionMaxLength);
        builder.Property(a => a.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength);
        builder.Property(a => a.EntityId).HasMaxLength(AuditEvent.EntityIdMaxLength);
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.OccurredAt);

        // The hash chain (docs/adr/0004): the trigger audit_events_chain sets all three on insert,
        // whatever the writer sends, so EF never writes them and reads them back.
        builder.Property(a => a.Seq).ValueGeneratedOnAdd().HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.None);
        builder.Property(a => a.PrevHash).IsRequired().ValueGeneratedOnAdd();
        builder.Property(a => a.Hash).IsRequired().ValueGeneratedOnAdd();
        builder.HasIndex(a => a.Seq).IsUnique();
    }
}
