using System.Net;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>Findings 4–6: input that cannot be bound or parsed is a message on the form, never a 500.</summary>
public sealed class BindingFailureTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_checkbox_posted_with_a_non_boolean_value_is_a_validation_message()
    {
        var desk = await PdDesk.OpenAsync(Site, "kotak");
        using var anonymous = Site.NewVisitor();
        var login = await anonymous.SubmitAsync(desk.Url("/admin/login"), "form",
            new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "salah-sekali", ["RememberMe"] = "abc" });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Contains(login.Errors, e => e.Contains("tidak valid"));

        var user = await desk.Client.SubmitAsync(desk.Url("/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = "kotak1", ["Email"] = "kotak1@kotak.bekasikota.go.id", ["DisplayName"] = "Kotak",
            ["Password"] = "Kotak-Kotak-2026", ["ConfirmPassword"] = "Kotak-Kotak-2026", ["IsEnabled"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, user.Status);
        Assert.Contains(user.Errors, e => e.Contains("tidak valid"));
        // Only the list's rows: the page title carries the tenant's random name, which may itself contain "kotak1".
        var users = (await desk.Client.OpenAsync(desk.Url("/admin/users"))).Document.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent);
        Assert.DoesNotContain(users, row => row.Contains("kotak1@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recipe_with_duplicate_keys_is_refused_with_a_message()
    {
        var desk = await PdDesk.OpenAsync(Site, "ganda");
        var page = await desk.ImportRecipeAsync("""{ "name": "a", "name": "b", "steps": [] }""");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Resep bukan JSON yang valid", page.Html);
    }

    [Fact]
    public async Task The_portals_new_site_form_with_an_empty_name_and_recipe_is_a_message()
    {
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(null), "admin", TestEnvironment.AdminPassword);
        var page = await admin.SubmitAsync(Site.Url(null, "/admin/tenants/create"), "form.card",
            new Dictionary<string, string> { ["Name"] = "", ["RecipeName"] = "", ["DisplayName"] = "" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
    }
}
