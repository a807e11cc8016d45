using CsCheck;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The county batch reads the registry's facts for a whole area in one SQL statement; a person's
/// page and an application read them for one person through EF Core. For random persons — birth
/// dates around the working-age bounds, both sexes and retirement schedules, registrations opened
/// and ended around the date, certifications of both categories requested, approved, rejected,
/// expired — the two must give the same facts and so the same decision for every rule.
/// </summary>
public sealed class EligibilityFactsPropertyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Community = "370702001002";

    private sealed record Registration(int StartOffset, int? Length);

    private sealed record Certification(string Category, short Status, int FromOffset, int? Length);

    private sealed record RandomPerson(int AgeDays, bool Male, bool Cadre, short Capacity, bool WantsWork, Registration? Earlier, Registration? Latest, Certification[] Certifications);

    private static readonly Gen<Registration> Registrations = Gen.Select(Gen.Int[-800, 5], Gen.Int[0, 400].Nullable(), (start, length) => new Registration(start, length));

    private static readonly Gen<Certification> Certifications = Gen.Select(
        Gen.OneOf(EligibilityRules.Hardship4050, EligibilityRules.HardshipZeroEmployment), Gen.Short[1, 3], Gen.Int[-900, 5], Gen.Int[0, 600].Nullable(),
        (category, status, from, length) => new Certification(category, status, from, length));

    // Ages from 10 to 75 years in days, so the 16th birthday and every retirement date are crossed.
    private static readonly Gen<RandomPerson> Persons = Gen.Select(
        Gen.Int[10 * 365, 75 * 365], Gen.Bool, Gen.Bool, Gen.Short[1, 3], Gen.Bool, Registrations.Null(), Registrations.Null(), Certifications.Array[0, 3],
        (age, male, cadre, capacity, wants, earlier, latest, certifications) => new RandomPerson(age, male, cadre, capacity, wants, earlier, latest, certifications));

    [Fact]
    public async Task BatchFacts_AndSinglePersonFacts_AgreeForRandomPersons()
    {
        var on = TestClock.Today;
        var options = portal.Factory.Services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var round = 0;
        await Persons.Array[5, 12].SampleAsync(async persons =>
        {
            var prefix = $"{Community[..9]}{++round % 1000:000}";
            var ids = await InsertAsync(persons, on);
            await using var db = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All));
            var single = new EligibilityService(db, new PolicyParameterStore(db));
            var parameters = await new PolicyParameterStore(db).GetAsync(CancellationToken.None);
            await using var connection = new NpgsqlConnection(portal.ConnectionString);
            await connection.OpenAsync();
            var seen = 0;
            await foreach (var row in EligibilityBatch.ReadFactsAsync(connection, Community, on, CancellationToken.None))
            {
                if (!ids.Contains(row.PersonId))
                {
                    continue;
                }

                seen++;
                var one = (await single.PersonFactsAsync(row.PersonId, on, null, CancellationToken.None))!;
                Same(row.Facts, one, prefix);
                foreach (var code in EligibilityRules.Implemented)
                {
                    EligibilityRules.Evaluate(row.Facts, code, parameters).Decision.Should().Be(EligibilityRules.Evaluate(one, code, parameters).Decision, code);
                }
            }

            seen.Should().Be(ids.Count);
        }, iter: 12, threads: 1);
    }

    private static void Same(EligibilityFacts batch, EligibilityFacts one, string because)
    {
        batch.BirthDate.Should().Be(one.BirthDate, because);
        batch.Sex.Should().Be(one.Sex, because);
        batch.RetirementSchedule.Should().Be(one.RetirementSchedule, because);
        batch.LaborCapacity.Should().Be(one.LaborCapacity, because);
        batch.WantsWork.Should().Be(one.WantsWork, because);
        batch.RegisteredUnemployed.Should().Be(one.RegisteredUnemployed, because);
        batch.CertifiedCategories.Should().BeEquivalentTo(one.CertifiedCategories, because);
        batch.HardshipCertified.Should().Be(one.HardshipCertified, because);
        batch.ZeroEmploymentHousehold.Should().Be(one.ZeroEmploymentHousehold, because);
    }

    private async Task<HashSet<Guid>> InsertAsync(RandomPerson[] persons, DateOnly on)
    {
        var ids = new HashSet<Guid>();
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        foreach (var p in persons)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            var sql = """
                INSERT INTO persons (id, region_id, region_code, name, id_number_cipher, id_number_hash, id_number_masked, id_number_last_four, birth_date, sex,
                                     address, hukou, education, labor_capacity, wants_work, employment_status, priority_groups, created_at, updated_at, female_cadre)
                SELECT @id, r.id, r.code, '随机', '\x00'::bytea, decode(md5(@id::text), 'hex'), '370702********0000', '0000', @birth, @sex,
                       '随机地址', 1, 3, @capacity, @wants, 1, 0, @now, @now, @cadre
                FROM regions r WHERE r.code = @community;
                """;
            await using (var command = new NpgsqlCommand(sql, connection))
            {
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("birth", on.AddDays(-p.AgeDays));
                command.Parameters.AddWithValue("sex", p.Male ? (short)1 : (short)2);
                command.Parameters.AddWithValue("capacity", p.Capacity);
                command.Parameters.AddWithValue("wants", p.WantsWork);
                command.Parameters.AddWithValue("cadre", p.Cadre && !p.Male);
                command.Parameters.AddWithValue("now", TestClock.Start);
                command.Parameters.AddWithValue("community", Community);
                await command.ExecuteNonQueryAsync();
            }

            // An earlier registration always ended; the latest may be open (one open registration per person).
            if (p.Earlier is { } earlier)
            {
                await RegisterAsync(connection, id, on.AddDays(earlier.StartOffset - 900), on.AddDays(earlier.StartOffset - 900 + (earlier.Length ?? 30)));
            }

            if (p.Latest is { } latest)
            {
                await RegisterAsync(connection, id, on.AddDays(latest.StartOffset), latest.Length is { } days ? on.AddDays(latest.StartOffset + days) : null);
            }

            var requested = new HashSet<string>();
            foreach (var c in p.Certifications.Where(c => c.Status != 1 || requested.Add(c.Category)))
            {
                var from = on.AddDays(c.FromOffset);
                await using var command = new NpgsqlCommand("""
                    INSERT INTO hardship_certifications (id, person_id, region_code, category, application_date, check_decision, "check", requested_by_name, requested_at, status, valid_from, valid_to)
                    VALUES (@id, @person, @community, @category, @from, 1, '[]', 'test', @now, @status, @validFrom, @validTo)
                    """, connection);
                command.Parameters.AddWithValue("id", Guid.CreateVersion7());
                command.Parameters.AddWithValue("person", id);
                command.Parameters.AddWithValue("community", Community);
                command.Parameters.AddWithValue("category", c.Category);
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("now", TestClock.Start);
                command.Parameters.AddWithValue("status", c.Status);
                command.Parameters.AddWithValue("validFrom", c.Status == 2 ? from : DBNull.Value);
                command.Parameters.AddWithValue("validTo", c.Status == 2 && c.Length is { } length ? from.AddDays(length) : DBNull.Value);
                await command.ExecuteNonQueryAsync();
            }
        }

        return ids;
    }

    private static async Task RegisterAsync(NpgsqlConnection connection, Guid person, DateOnly start, DateOnly? end)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO unemployment_registrations (id, person_id, region_code, registered_on, ended_on, end_reason)
            VALUES (@id, @person, @community, @start, @end, @reason)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("person", person);
        command.Parameters.AddWithValue("community", Community);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", end is { } e ? e : DBNull.Value);
        command.Parameters.AddWithValue("reason", end is null ? DBNull.Value : (short)1);
        await command.ExecuteNonQueryAsync();
    }
}
