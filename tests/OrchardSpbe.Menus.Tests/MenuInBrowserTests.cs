using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OrchardSpbe.Menus.Tests;

/// <summary>
/// In Chromium: the portal and PD sites pass axe-core (WCAG 2.1 AA) on a desktop and a 375-px phone,
/// with the menu closed and open, also for a PD that picked a light colour; the menu works by keyboard alone.
/// </summary>
public sealed class MenuInBrowserTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    [Fact]
    public async Task The_portal_and_pd_sites_have_no_serious_accessibility_violations_on_desktop_and_phone()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("menuaxe", "Dinas Menu Aksesibel");
        await site.CreateTenantAsync("menukuning", "Dinas Berwarna Terang");
        await SetPrimaryColourAsync("menukuning", "#ffe14d");
        var page = await chromium.NewPageAsync();
        var problems = new List<string>();

        foreach (var (name, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var url in new[] { site.Url(null), site.Url("menuaxe"), site.Url("menukuning") })
            {
                await page.GotoAsync(url.ToString());
                await Accessibility.CheckAsync(page, $"{name} {url.Host}", problems);
                // Open the menu (and on a phone its "Menu" button first) and check again: the dropdown is part of the page too.
                if (viewport == Phone) await page.ClickAsync(".nav-compact > summary");
                var section = page.Locator(viewport == Phone ? ".nav-compact .has-children summary" : ".nav-wide .has-children summary");
                if (await section.CountAsync() > 0)
                {
                    await section.First.ClickAsync();
                    await Accessibility.CheckAsync(page, $"{name} {url.Host} menu open", problems);
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_keyboard_user_opens_a_section_of_the_menu_and_follows_a_child_link_on_desktop_and_phone()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("menukeyboard", "Dinas Papan Ketik");
        var page = await chromium.NewPageAsync();

        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await page.GotoAsync(site.Url("menukeyboard").ToString());
        await TabUntilAsync(page, "Profil");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Profil", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Tugas Pokok dan Fungsi", await FocusedTextAsync(page));
        await FollowsLinkAsync(page, "/tupoksi");

        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoAsync(site.Url("menukeyboard").ToString());
        await TabUntilAsync(page, "Menu");
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, "Layanan");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Standar Pelayanan", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Maklumat Pelayanan", await FocusedTextAsync(page));
        await FollowsLinkAsync(page, "/maklumat-pelayanan");
    }

    /// <summary>Presses Tab until the focused element reads <paramref name="text"/>; fails if it is never reached.</summary>
    private static async Task TabUntilAsync(IPage page, string text)
    {
        var seen = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedTextAsync(page);
            if (focused == text) return;
            seen.Add(focused);
        }
        Assert.Fail($"'{text}' was not reached by Tab; focus went through: {string.Join(" | ", seen)}");
    }

    // Enter on the focused link makes the browser ask for its page (which another module builds; it may not exist yet).
    private static async Task FollowsLinkAsync(IPage page, string path)
    {
        var request = await page.RunAndWaitForRequestAsync(() => page.Keyboard.PressAsync("Enter"),
            r => r.IsNavigationRequest && new Uri(r.Url).AbsolutePath == path);
        Assert.Equal(path, new Uri(request.Url).AbsolutePath);
    }

    private static Task<string> FocusedTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => (document.activeElement?.textContent || '').trim()");

    private async Task SetPrimaryColourAsync(string pd, string colour)
    {
        using var admin = fixture.Site.NewVisitor();
        await admin.SignInAsync(fixture.Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var saved = await admin.SubmitAsync(fixture.Site.Url(pd, "/admin/settings"), "form.card", new Dictionary<string, string> { ["PrimaryColor"] = colour });
        Assert.Equal("Pengaturan situs disimpan.", saved.SuccessMessage);
    }

}
