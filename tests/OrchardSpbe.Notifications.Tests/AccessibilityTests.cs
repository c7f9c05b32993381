using static OrchardSpbe.Notifications.Tests.NotificationSites;

namespace OrchardSpbe.Notifications.Tests;

/// <summary>The notification list, with unread and read items and the badge, passes axe-core in Chromium (WCAG 2.1 AA).</summary>
public sealed class AccessibilityTests(NotifyingSqliteSite fixture, ChromiumFixture chromium) : IClassFixture<NotifyingSqliteSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_notification_list_has_no_serious_accessibility_violations()
    {
        var site = fixture.Site;
        var (pd, admin) = await site.SignedInPdAsync();
        admin.Dispose();
        await site.NotifyAsync(pd, ["admin"], new Notification("Berita menunggu persetujuan", "Mohon ditinjau.", "/admin"));
        await site.NotifyAsync(pd, ["admin"], new Notification("Data bulanan jatuh tempo", "Data statistik bulan ini jatuh tempo.", null));

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(site.Url(pd, "/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        // One read (opened, on its page), one unread.
        await page.GotoAsync(site.Url(pd, ListPath).ToString());
        await page.ClickAsync("li.notification:last-child a");
        await page.WaitForURLAsync("**/admin");

        var problems = new List<string>();
        await Accessibility.CheckAsync(page, site.Url(pd, ListPath), problems);
        Assert.Equal(1, await page.Locator("li.notification.unread").CountAsync());
        Assert.Equal("1", (await page.Locator("nav.sidebar .badge span[aria-hidden='true']").TextContentAsync())?.Trim());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
