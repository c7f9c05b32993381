using System.Net;

namespace OrchardSpbe.Users.Tests;

public sealed class StrictSignInSite : SiteFixture
{
    public StrictSignInSite() : base(DatabaseProviderName.Sqlite) { }

    protected override TestSiteOptions Options => new()
    {
        Settings = new Dictionary<string, string?> { ["Spbe:Security:SignInPermitLimit"] = "3" },
    };
}

/// <summary>
/// Only failed sign-ins are limited per site and address (issue 16 §7): a PD office behind one NAT address signs in
/// all at once, while someone guessing passwords is slowed with the normal sign-in page and a message.
/// </summary>
public sealed class SignInRateLimitTests(StrictSignInSite fixture) : IClassFixture<StrictSignInSite>
{
    [Fact]
    public async Task Eleven_correct_sign_ins_from_one_address_within_a_minute_all_succeed()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("ratelimit-kantor");
        for (var i = 0; i < 11; i++)
        {
            using var colleague = site.NewVisitorFrom("127.0.0.81");
            var dashboard = await colleague.SignInAsync(site.Url("ratelimit-kantor"), "admin", TestEnvironment.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, dashboard.Status);
            Assert.StartsWith("Dasbor", dashboard.Heading);
        }
    }

    [Fact]
    public async Task The_fourth_failed_attempt_within_a_minute_gets_the_sign_in_page_with_a_message_and_other_sites_are_unaffected()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("ratelimit-a");
        await site.CreateTenantAsync("ratelimit-b");
        using var visitor = site.NewVisitorFrom("127.0.0.82");
        for (var i = 0; i < 3; i++)
        {
            // Different names each time: the limit is on the address, not only on one name.
            var page = await visitor.SignInAsync(site.Url("ratelimit-a"), "tamu" + i, "salah-" + i);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
        var limited = await visitor.SignInAsync(site.Url("ratelimit-a"), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Terlalu banyak percobaan yang gagal", string.Join(" ", limited.Errors));
        // The normal sign-in page, in the site's layout, with its form to try again later.
        Assert.Equal("text/html", limited.Response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Document.QuerySelector("link[rel=stylesheet]"));
        Assert.NotNull(limited.Document.QuerySelector("form #UserName"));

        var other = await visitor.SignInAsync(site.Url("ratelimit-b"), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", other.Heading);
    }
}
