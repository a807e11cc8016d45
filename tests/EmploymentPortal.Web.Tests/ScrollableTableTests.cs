using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// A wide table's scrolling wrapper (<c>div.table-wrap</c>) is a named region the keyboard can reach, so that it can be
/// scrolled without a mouse (axe-core <c>scrollable-region-focusable</c>; the browser check is AccessibilityBrowserTests).
/// </summary>
public sealed class ScrollableTableTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task TableWrappers_AreFocusableRegions_NamedAfterTheirCaption()
    {
        using var county = await portal.SignInAsync("county1");

        var (_, page) = await county.GetPageAsync("/Bureau/Dashboard");

        var wrappers = page.QuerySelectorAll("div.table-wrap");
        wrappers.Should().NotBeEmpty();
        wrappers.Should().AllSatisfy(w =>
        {
            w.GetAttribute("role").Should().Be("region");
            w.GetAttribute("tabindex").Should().Be("0");
            w.GetAttribute("aria-label").Should().NotBeNullOrWhiteSpace();
        });
        var dashboard = page.QuerySelector("table[data-testid=dashboard]")!;
        dashboard.ParentElement!.GetAttribute("aria-label").Should().Be(dashboard.QuerySelector("caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task TableWrapper_WithoutACaption_IsNamedAsAScrollingTable()
    {
        using var county = await portal.SignInAsync("county1");

        var (_, page) = await county.GetPageAsync("/Bureau/Targets?Year=2026");

        var wrapper = page.QuerySelector("table[data-testid=targets]")!.ParentElement!;
        wrapper.GetAttribute("role").Should().Be("region");
        wrapper.GetAttribute("tabindex").Should().Be("0");
        wrapper.GetAttribute("aria-label").Should().Be("表格（可左右滚动查看）");
    }
}
