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

/// <summary>Someone hammering a site's sign-in form is slowed down, with a message, per site and address.</summary>
public sealed class SignInRateLimitTests(StrictSignInSite fixture) : IClassFixture<StrictSignInSite>
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_within_a_minute_gets_429_with_a_message_and_other_sites_are_unaffected()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("ratelimit-a");
        await site.CreateTenantAsync("ratelimit-b");
        using var visitor = site.NewVisitor();
        for (var i = 0; i < 3; i++)
        {
            var page = await visitor.SignInAsync(site.Url("ratelimit-a"), "admin", "salah-" + i);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
        var limited = await visitor.SignInAsync(site.Url("ratelimit-a"), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Terlalu banyak percobaan", limited.Html);

        var other = await visitor.SignInAsync(site.Url("ratelimit-b"), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", other.Heading);
    }
}
