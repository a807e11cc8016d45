using System.Net;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The back-fill of search tokens for postings saved before <c>search_text</c> existed
/// (docs/policy-rules.md, "Jobs: public search"): run after the migrations, in keyset batches,
/// with the rule the edits use, idempotent.
/// </summary>
public sealed class SearchTextBackfillTests
{
    private const string Nanny = "育婴员";

    [Fact]
    public async Task Migrate_PostingsWithoutSearchText_GetTheirTokens_AndAreFoundAgain()
    {
        var db = await TestDatabases.CreateSeededAsync();
        // As if saved before the column was added: '' (its default), so the search does not find them.
        var blanked = await TestSql.ExecuteAsync(db, "UPDATE postings SET search_text = ''");
        blanked.Should().BeGreaterThan(1);
        await using (var before = new PortalAppFactory(db))
        {
            (await HitsAsync(before, Nanny)).Should().BeEmpty("a posting without tokens is not found");
        }

        await using var migrated = new PortalAppFactory(db, new Dictionary<string, string?> { ["Portal:MigrateOnStartup"] = "true" });
        var hits = await HitsAsync(migrated, Nanny);

        var nanny = await TestSql.ScalarAsync<Guid>(db, "SELECT id FROM postings WHERE title = @code", Nanny);
        hits.Should().Equal(nanny);
        (await TestSql.ScalarAsync<long>(db, "SELECT count(*) FROM postings WHERE search_text = ''")).Should().Be(0);
        var description = await TestSql.ScalarAsync<string>(db, "SELECT description FROM postings WHERE title = @code", Nanny);
        (await TestSql.ScalarAsync<string>(db, "SELECT search_text FROM postings WHERE title = @code", Nanny))
            .Should().Be(SearchTokens.ForPosting(Nanny, description), "the same rule as when a posting is saved");
        migrated.Log.Should().Contain($"Posting search tokens back-filled for {blanked} postings (0 give no token, 0 changed meanwhile) in 1 batches");
    }

    [Fact]
    public async Task RunAsync_InBatches_FillsOnlyTheEmptyOnes_ASecondRunChangesNothing()
    {
        var db = await TestDatabases.CreateSeededAsync();
        var blanked = await TestSql.ExecuteAsync(db, "UPDATE postings SET search_text = '' WHERE title <> '小区保安员'");
        // A title and description of punctuation alone give no token: left empty, not an error.
        await TestSql.ExecuteAsync(db, "UPDATE postings SET title = '！？', description = '……' WHERE title = '会计'");
        var guard = await TestSql.ScalarAsync<string>(db, "SELECT xmin::text FROM postings WHERE title = '小区保安员'");
        await using var portal = new PortalAppFactory(db);

        var first = await RunAsync(portal, batchSize: 3);

        first.Filled.Should().Be(blanked - 1);
        first.LeftEmpty.Should().Be(1);
        first.Skipped.Should().Be(0);
        first.Batches.Should().Be((blanked + 2) / 3, "batches of three, keyset by id");
        (await TestSql.ScalarAsync<string>(db, "SELECT xmin::text FROM postings WHERE title = '小区保安员'")).Should().Be(guard, "a posting with tokens is not touched");
        (await TestSql.ScalarAsync<long>(db, "SELECT count(*) FROM postings WHERE search_text = ''")).Should().Be(1);

        var second = await RunAsync(portal, batchSize: 3);

        second.Filled.Should().Be(0);
        second.LeftEmpty.Should().Be(1);
        await using var scope = portal.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<JobSearch>().SearchAsync(new JobSearchQuery(Nanny), CancellationToken.None);
        found.Hits.Select(h => h.Title).Should().Equal(Nanny);
    }

    private static async Task<SearchTextBackfillSummary> RunAsync(PortalAppFactory portal, int batchSize)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PostingSearchTextBackfill>().RunAsync(batchSize, CancellationToken.None);
    }

    /// <summary>The ids of the postings /Jobs?q= lists.</summary>
    private static async Task<List<Guid>> HitsAsync(PortalAppFactory portal, string keyword)
    {
        using var client = new PortalClient(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var (response, page) = await client.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString(keyword));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page.QuerySelectorAll("[data-testid=hits] li[data-id]").Select(li => Guid.Parse(li.GetAttribute("data-id")!)).ToList();
    }
}
