using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.Ignore(p => p.Details);
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        // Collation "C": a name-prefix LIKE can use the (name, id) index, which also serves the
        // sort by name (code-point order; docs/benchmarks.md "Ledger over 1,000,000 persons").
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength).UseCollation("C");
        builder.Property(p => p.IdNumberMasked).HasMaxLength(ResidentIdNumber.Length);
        builder.Property(p => p.IdNumberLastFour).HasMaxLength(4);
        builder.Ignore(p => p.IsCancelled);

        // One live record per number; a cancelled record keeps its number, and the person can be registered again.
        builder.HasIndex(p => p.IdNumberHash).IsUnique().HasFilter("cancelled_at IS NULL");
        builder.Property(p => p.CancelReason).HasMaxLength(Person.CancelReasonMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Phone).HasMaxLength(11);
        builder.Property(p => p.Address).HasMaxLength(Person.AddressMaxLength);
        builder.Property(p => p.Skills).HasMaxLength(Person.TextMaxLength);
        builder.Property(p => p.WishedOccupation).HasMaxLength(Person.ShortTextMaxLength);
        builder.Property(p => p.WishedArea).HasMaxLength(Person.ShortTextMaxLength);
        builder.Property(p => p.WishedMonthlyPay).HasPrecision(10, 2);
        builder.Property(p => p.EmploymentHistory).HasMaxLength(Person.TextMaxLength);
        builder.Property(p => p.LivingNeeds).HasMaxLength(Person.TextMaxLength);
        builder.Property(p => p.Notes).HasMaxLength(Person.TextMaxLength);
        builder.Property(p => p.Sex).HasConversion<short>();
        builder.Property(p => p.Hukou).HasConversion<short>();
        builder.Property(p => p.Education).HasConversion<short>();
        builder.Property(p => p.WishedWorkType).HasConversion<short?>();
        builder.Property(p => p.LaborCapacity).HasConversion<short>();
        builder.Property(p => p.EmploymentStatus).HasConversion<short>();
        builder.Property(p => p.Relationship).HasConversion<short?>();
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.Name, p.Id }).IncludeProperties(p => p.RegionCode);
        builder.HasIndex(p => new { p.EmploymentStatus, p.RegionCode }).IncludeProperties(p => new { p.Sex, p.BirthDate });
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => new { p.UnemployedSince, p.RegionCode }).HasFilter("unemployed_since IS NOT NULL");
        builder.HasIndex(p => p.HouseholdId);

        // Issue 16, item 8. The ledger's priority-group filter: a bit test cannot use a B-tree, so one
        // partial index per group, in the ledger's pinyin name order for the page (LedgerQuery writes one group as a constant,
        // so the planner matches its predicate). Live persons by name (a name search is index-only: the
        // query filter's cancelled_at IS NULL is not in ix_persons_name_id), by birth date and by creation
        // (the ledger's other two sorts read a page in index order), by status and by registration date (the
        // status, 40/50 and long-term filters stay index-only) and by region for the capped unfiltered count,
        // and the monthly push's list (StaffJobServices.DueForPush) for the workbench.
        foreach (var group in Enum.GetValues<PriorityGroups>().Where(g => g != PriorityGroups.None))
        {
            var name = "ix_persons_group_" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(group.ToString());
            builder.HasIndex(p => new { p.Name, p.Id }, name).HasDatabaseName(name)
                .UseCollation(Collations.Pinyin, null!)
                .IncludeProperties(p => p.RegionCode)
                .HasFilter(FormattableString.Invariant($"(priority_groups & {(int)group}) <> 0 AND cancelled_at IS NULL"));

            // The group's count over an area reads only that area's entries (the name-ordered index
            // above holds the whole register's members of the group: 45,140 entries read for a
            // street's 7,822 RuralSurplusLabour).
            builder.HasIndex(p => p.RegionCode, name + "_region").HasDatabaseName(name + "_region")
                .HasFilter(FormattableString.Invariant($"(priority_groups & {(int)group}) <> 0 AND cancelled_at IS NULL"));
        }

        builder.HasIndex(p => new { p.Name, p.Id }, "ix_persons_live_name_id").HasDatabaseName("ix_persons_live_name_id")
            .IncludeProperties(p => p.RegionCode).HasFilter("cancelled_at IS NULL");
        builder.HasIndex(p => new { p.BirthDate, p.Id }, "ix_persons_live_birth_date_id").HasDatabaseName("ix_persons_live_birth_date_id")
            .IncludeProperties(p => p.RegionCode).HasFilter("cancelled_at IS NULL");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }, "ix_persons_live_created_at_id").HasDatabaseName("ix_persons_live_created_at_id")
            .IsDescending(true, false).IncludeProperties(p => p.RegionCode).HasFilter("cancelled_at IS NULL");
        builder.HasIndex(p => new { p.EmploymentStatus, p.RegionCode }, "ix_persons_live_employment_status_region_code")
            .HasDatabaseName("ix_persons_live_employment_status_region_code")
            .IncludeProperties(p => new { p.Sex, p.BirthDate, p.FemaleCadre }).HasFilter("cancelled_at IS NULL");
        builder.HasIndex(p => new { p.UnemployedSince, p.RegionCode }, "ix_persons_live_unemployed_since_region_code")
            .HasDatabaseName("ix_persons_live_unemployed_since_region_code")
            .HasFilter("unemployed_since IS NOT NULL AND cancelled_at IS NULL");
        builder.HasIndex(p => p.RegionCode, "ix_persons_live_region_code").HasDatabaseName("ix_persons_live_region_code").HasFilter("cancelled_at IS NULL");
        builder.HasIndex(p => p.RegionCode, "ix_persons_push_due").HasDatabaseName("ix_persons_push_due").HasFilter("employment_status = 1 AND priority_groups <> 0 AND cancelled_at IS NULL");
    }
}

public sealed class UnemploymentRegistrationConfiguration : IEntityTypeConfiguration<UnemploymentRegistration>
{
    public void Configure(EntityTypeBuilder<UnemploymentRegistration> builder)
    {
        builder.ToTable("unemployment_registrations");
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(r => r.EndReason).HasConversion<short?>();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PersonId).IsUnique().HasFilter("ended_on IS NULL").HasDatabaseName("ux_unemployment_registrations_open_per_person");
        builder.HasIndex(r => new { r.RegionCode, r.RegisteredOn });
        builder.HasIndex(r => new { r.PersonId, r.RegisteredOn });
    }
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("follow_ups");
        builder.Property(f => f.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(f => f.Kind).HasConversion<short>();
        builder.Property(f => f.StaffName).HasMaxLength(256);
        builder.Property(f => f.Notes).HasMaxLength(FollowUp.NotesMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.PersonId, f.OccurredOn });
    }
}

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("households");
        builder.Property(h => h.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.Address).HasMaxLength(Household.AddressMaxLength);
        builder.Property(h => h.Hukou).HasConversion<short>();
        builder.Property(h => h.Status).HasConversion<short>();
        builder.Property(h => h.AssistancePlan).HasMaxLength(Household.PlanMaxLength);
        builder.Property(h => h.AssignedStaffName).HasMaxLength(256);
        builder.Property(h => h.Version).IsRowVersion();
        builder.HasMany(h => h.StatusChanges).WithOne().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.StatusChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(h => h.MemberChanges).WithOne().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.MemberChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(h => new { h.RegionCode, h.Status });

        // The workbench's count of identified households (no assistance plan yet; issue 16).
        builder.HasIndex(h => h.RegionCode, "ix_households_identified").HasDatabaseName("ix_households_identified").HasFilter("status = 1");
    }
}

public sealed class HouseholdStatusChangeConfiguration : IEntityTypeConfiguration<HouseholdStatusChange>
{
    public void Configure(EntityTypeBuilder<HouseholdStatusChange> builder)
    {
        builder.ToTable("household_status_changes");
        builder.Property(c => c.From).HasConversion<short>();
        builder.Property(c => c.To).HasConversion<short>();
        builder.Property(c => c.Cause).HasConversion<short>();
    }
}

/// <summary>Membership events; the person is not a foreign key, so the event outlives a person's removal from the register.</summary>
public sealed class HouseholdMemberChangeConfiguration : IEntityTypeConfiguration<HouseholdMemberChange>
{
    public void Configure(EntityTypeBuilder<HouseholdMemberChange> builder)
    {
        builder.ToTable("household_member_changes");
        builder.Property(c => c.Relationship).HasConversion<short>();
    }
}

public sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> builder)
    {
        builder.ToTable("transfer_requests");
        builder.Property(t => t.FromRegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(t => t.ToRegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.FromRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.ToRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Status).HasConversion<short>();
        builder.Property(t => t.Reason).HasMaxLength(TransferRequest.NoteMaxLength);
        builder.Property(t => t.DecisionNote).HasMaxLength(TransferRequest.NoteMaxLength);
        builder.Property(t => t.RequestedByName).HasMaxLength(256);
        builder.Property(t => t.DecidedByName).HasMaxLength(256);
        builder.Property(t => t.Version).IsRowVersion();

        // At most one pending transfer per person (also under concurrent requests).
        builder.HasIndex(t => t.PersonId).IsUnique().HasFilter("status = 1").HasDatabaseName("ix_transfer_requests_pending_person");
        builder.HasIndex(t => new { t.PersonId, t.RequestedAt });
        builder.HasIndex(t => new { t.FromRegionCode, t.Status });
        builder.HasIndex(t => new { t.ToRegionCode, t.Status });
    }
}

public sealed class HardshipCertificationConfiguration : IEntityTypeConfiguration<Domain.Eligibility.HardshipCertification>
{
    public void Configure(EntityTypeBuilder<Domain.Eligibility.HardshipCertification> builder)
    {
        builder.ToTable("hardship_certifications");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(c => c.Category).HasMaxLength(60);
        builder.Property(c => c.Status).HasConversion<short>();
        builder.Property(c => c.CheckDecision).HasConversion<short>();
        builder.Property(c => c.Check).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<List<Domain.Subsidies.StoredCriterion>>(), JsonColumn.Comparer<List<Domain.Subsidies.StoredCriterion>>());
        builder.Property(c => c.RequestedByName).HasMaxLength(256);
        builder.Property(c => c.DecidedByName).HasMaxLength(256);
        builder.Property(c => c.DecisionReason).HasMaxLength(Domain.Eligibility.HardshipCertification.TextMaxLength);
        builder.Property(c => c.OverrideReason).HasMaxLength(Domain.Eligibility.HardshipCertification.TextMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);

        // One open request per person and category, also under a double click.
        builder.HasIndex(c => new { c.PersonId, c.Category }).IsUnique().HasFilter("status = 1").HasDatabaseName("ux_hardship_certifications_open");
        builder.HasIndex(c => new { c.RegionCode, c.Status, c.RequestedAt });
        builder.HasIndex(c => new { c.PersonId, c.RequestedAt });
    }
}
