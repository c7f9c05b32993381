using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>Six PD sites of one run: four kelurahan (one disabled) and two dinas, each findable by its run's suffix.</summary>
public sealed class ListedSites : IAsyncLifetime
{
    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..5];
    public TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync();
        var manager = Site.Services.GetRequiredService<TenantManager>();
        foreach (var (name, display, category) in new[]
                 {
                     ($"kel1{Suffix}", "Kelurahan Margahayu", "Kelurahan"), ($"kel2{Suffix}", "Kelurahan Pekayon Jaya", "Kelurahan"),
                     ($"kel3{Suffix}", "Kelurahan Jakasampurna", "Kelurahan"), ($"kel4{Suffix}", "Kelurahan Harapan Jaya", "Kelurahan"),
                     ($"dinkes{Suffix}", "Dinas Kesehatan", "Dinas"), ($"disdik{Suffix}", "Dinas Pendidikan", "Dinas"),
                 })
        {
            var created = await manager.CreateAsync(new CreateTenantRequest
            {
                Name = name, DisplayName = display, Category = category, Hosts = [$"{name}.bekasikota.go.id"],
                AdminUserName = "admin", AdminEmail = $"admin@{name}.bekasikota.go.id", AdminPassword = TestEnvironment.AdminPassword,
            });
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Values));
        }
        await manager.DisableAsync($"kel4{Suffix}");
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>
/// Issue 17 §4: Diskominfostandi finds a site among many — search by name, display name or host, filter by category
/// and state, one page at a time, with counts — and a bad query value is explained, never a server error.
/// </summary>
public sealed class TenantListTests(ListedSites fixture, ChromiumFixture chromium) : IClassFixture<ListedSites>, IClassFixture<ChromiumFixture>
{
    private TestSite Site => fixture.Site;
    private string S => fixture.Suffix;

    [Fact]
    public async Task The_api_searches_filters_and_pages_with_counts_per_state_and_category()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);

        using var kelurahan = await ListAsync(admin, $"?q={S}&category=Kelurahan&pageSize=3");
        var root = kelurahan.RootElement;
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("pageCount").GetInt32());
        Assert.Equal(["Kelurahan Harapan Jaya", "Kelurahan Jakasampurna", "Kelurahan Margahayu"], Names(root));
        Assert.Equal(3, root.GetProperty("states").GetProperty("Running").GetInt32());
        Assert.Equal(1, root.GetProperty("states").GetProperty("Disabled").GetInt32());
        // The category counts are over the search (and state), not over the chosen category.
        Assert.Equal(2, root.GetProperty("categories").GetProperty("Dinas").GetInt32());

        using var second = await ListAsync(admin, $"?q={S}&category=Kelurahan&pageSize=3&page=2");
        Assert.Equal(["Kelurahan Pekayon Jaya"], Names(second.RootElement));

        using var byHost = await ListAsync(admin, $"?q=dinkes{S}.bekasikota");
        Assert.Equal(["Dinas Kesehatan"], Names(byHost.RootElement));
        using var byDisplayName = await ListAsync(admin, "?q=pekayon%20JAYA");
        Assert.Contains("Kelurahan Pekayon Jaya", Names(byDisplayName.RootElement));
        using var disabled = await ListAsync(admin, $"?q={S}&state=disabled");
        Assert.Equal(["Kelurahan Harapan Jaya"], Names(disabled.RootElement));
        using var beyond = await ListAsync(admin, $"?q={S}&page=9");
        Assert.Equal(6, beyond.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(Names(beyond.RootElement));
    }

    [Theory]
    [InlineData("?page=-1", "Halaman harus bilangan bulat 1 atau lebih.")]
    [InlineData("?page=satu", "Halaman harus bilangan bulat 1 atau lebih.")]
    [InlineData("?pageSize=1000000", "Jumlah per halaman harus antara 1 dan 200.")]
    [InlineData("?pageSize=0", "Jumlah per halaman harus antara 1 dan 200.")]
    [InlineData("?state=Rusak", "Status 'Rusak' tidak dikenal. Pilih salah satu: Uninitialized, Initializing, Running, Disabled.")]
    [InlineData("?state=2", "Status '2' tidak dikenal. Pilih salah satu: Uninitialized, Initializing, Running, Disabled.")]
    public async Task A_bad_query_value_is_a_400_in_the_api_and_a_named_error_on_the_page(string query, string message)
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var response = await admin.SendAsync(HttpMethod.Get, "/api/tenants" + query, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await PortalAdmin.ErrorsAsync(response))["query"]);

        var page = await admin.Client.OpenAsync(Site.Url(null, "/admin/tenants" + query));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("#list-errors")!.TextContent);
        // The rest of the list still shows, with the default for the refused value.
        Assert.NotNull(page.Document.QuerySelector("tr[data-tenant='default']"));
    }

    [Fact]
    public async Task In_the_browser_the_administrator_searches_filters_and_pages_through_the_list()
    {
        var page = await chromium.NewPageAsync();
        await PortalAdmin.SignInInBrowserAsync(page, Site);

        await page.GotoAsync(Site.Url(null, $"/admin/tenants?pageSize=2").ToString());
        await page.FillAsync("#q", S);
        await page.SelectOptionAsync("#category", "Kelurahan");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("#tenant-count")).ToHaveTextAsync("4 tenant cocok; halaman 1 dari 2.");
        await Assertions.Expect(page.Locator("#tenants tbody tr")).ToHaveCountAsync(2);
        // The state filter says how many each choice would show.
        await Assertions.Expect(page.Locator("#state option[value='Disabled']")).ToHaveTextAsync("Nonaktif (1)");
        await Assertions.Expect(page.Locator("#category option[value='Dinas']")).ToHaveTextAsync("Dinas (2)");

        await page.ClickAsync("nav.pager >> text=Berikutnya");
        await Assertions.Expect(page.Locator("#tenant-count")).ToHaveTextAsync("4 tenant cocok; halaman 2 dari 2.");
        await Assertions.Expect(page.Locator("#tenants tbody tr")).ToHaveTextAsync(new[] { "Kelurahan Margahayu", "Kelurahan Pekayon Jaya" }.Select(n => new System.Text.RegularExpressions.Regex(n)).ToArray());

        await page.SelectOptionAsync("#state", "Disabled");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("#tenants tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-tenant='kel4{S}']")).ToContainTextAsync("Kelurahan Harapan Jaya");

        var problems = new List<string>();
        await Accessibility.CheckAsync(page, Site.Url(null, $"/admin/tenants?q={S}&pageSize=2&page=1"), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<JsonDocument> ListAsync(PortalAdmin admin, string query)
    {
        var response = await admin.SendAsync(HttpMethod.Get, "/api/tenants" + query, withToken: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Names(JsonElement root) =>
        root.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("displayName").GetString()!).ToList();
}
