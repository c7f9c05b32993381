using System.Text;
using OrchardSpbe.Hardening.Tests.Harness;
using Xunit.Abstractions;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>A PD with an administrator and an author, on SQLite, for the harness.</summary>
public sealed class HarnessSite : IAsyncLifetime
{
    public const string Pd = "harness";
    public const string AuthorPassword = "Penulis-Uji-2026";
    public TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync(new TestSiteOptions());
        await Site.CreateTenantAsync(Pd);
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(Pd), "admin", TestEnvironment.AdminPassword);
        var created = await admin.SubmitAsync(Site.Url(Pd, "/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = "penulis", ["Email"] = "penulis@harness.bekasikota.go.id", ["DisplayName"] = "Penulis",
            ["Password"] = AuthorPassword, ["ConfirmPassword"] = AuthorPassword, ["Roles"] = "Author",
        });
        if (created.SuccessMessage is null) throw new InvalidOperationException("author not created: " + string.Join("; ", created.Errors));
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>
/// Issue 15's harness: every form and JSON endpoint the application maps (read from its own endpoint list),
/// each field given the hostile corpus, as an administrator and as an author. No 5xx, and nothing written
/// for a refused request.
/// </summary>
public sealed class HostileInputTests(HarnessSite fixture, ITestOutputHelper output) : IClassFixture<HarnessSite>
{
    [Fact]
    public Task As_an_administrator_no_hostile_input_gets_a_5xx_or_writes_half_a_record() =>
        RunAsync(new HarnessRole("Administrator", "admin", TestEnvironment.AdminPassword, SignInOnPortal: true));

    [Fact]
    public Task As_an_author_no_hostile_input_gets_a_5xx_or_writes_half_a_record() =>
        RunAsync(new HarnessRole("Author", "penulis", HarnessSite.AuthorPassword, SignInOnPortal: false));

    private async Task RunAsync(HarnessRole role)
    {
        var endpoints = EndpointCatalog.Discover(fixture.Site.Services);
        var report = await new HostileInputRun(fixture.Site, HarnessSite.Pd, role).RunAsync(endpoints);

        var text = new StringBuilder();
        text.AppendLine($"Role {role.Name}: {report.Endpoints} endpoints from the application's endpoint list " +
                        $"({string.Join(", ", endpoints.GroupBy(e => e.Method).Select(g => $"{g.Count()} {g.Key}"))}; " +
                        $"{endpoints.Count(e => e.Json)} JSON, {endpoints.Sum(e => e.Fields.Count)} declared fields), " +
                        $"{report.Requests} requests in {report.Elapsed.TotalSeconds:0.0} s, {report.Writes} of them wrote something (rows of {report.TablesCompared} tables compared); " +
                        "statuses: " + string.Join(", ", report.Statuses.Select(s => $"{s.Key} × {s.Value}")) + ".");
        text.AppendLine($"Every field gets all {HostileCorpus.Values.Count} values; route segments get " + string.Join(", ", HostileCorpus.RouteValues.Select(v => v.Name)) +
                        "; body cases once per endpoint: " + string.Join(", ", HostileCorpus.BodyCases) + ".");
        text.AppendLine($"Corpus ({HostileCorpus.Values.Count} values):");
        foreach (var value in HostileCorpus.Values) text.AppendLine($"  {value.Name,-36} sent to {report.PerValue.GetValueOrDefault(value.Name)} fields");
        text.AppendLine("Endpoints:");
        foreach (var endpoint in endpoints) text.AppendLine($"  {endpoint}{(endpoint.Json ? " (JSON)" : "")}: {string.Join(", ", endpoint.Fields)}");
        output.WriteLine(text.ToString());

        Assert.True(endpoints.Count > 50, "the endpoint list looks incomplete");
        Assert.True(report.ServerErrors.Count == 0, $"{report.ServerErrors.Count} server errors:\n" + string.Join("\n", report.ServerErrors.Take(60)));
        Assert.True(report.HalfWritten.Count == 0, $"{report.HalfWritten.Count} refused requests wrote:\n" + string.Join("\n", report.HalfWritten.Take(60)));
    }
}
