using System.Net;
using Npgsql;
using OrchardSpbe.Data;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>Diskominfostandi runs PD sites through the HTTP API; bad input is explained and leaves nothing behind.</summary>
public abstract class TenantsApiTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_tenant_created_through_the_api_serves_at_once_and_can_be_disabled_enabled_and_deleted()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var name = "api" + Suffix();
        var created = await admin.CreateAsync(PortalAdmin.NewTenant(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var visitor = Site.NewVisitor();
        Assert.Equal("Dinas " + name, (await visitor.OpenAsync(Site.Url(name))).Heading);

        var refused = await admin.SendAsync(HttpMethod.Delete, $"/api/tenants/{name}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nonaktifkan tenant sebelum menghapusnya.", (await PortalAdmin.ErrorsAsync(refused))["State"]);

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, $"/api/tenants/{name}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.GetAsync(Site.Url(name))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, $"/api/tenants/{name}/enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url(name))).StatusCode);

        await admin.SendAsync(HttpMethod.Post, $"/api/tenants/{name}/disable");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/tenants/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(name))).StatusCode);
        Assert.False(await StoreExistsAsync(name));
    }

    [Fact]
    public async Task A_duplicate_host_name_is_refused_with_a_clear_message_and_nothing_is_created()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var first = "dup" + Suffix();
        Assert.Equal(HttpStatusCode.Created, (await admin.CreateAsync(PortalAdmin.NewTenant(first))).StatusCode);

        var second = "dup" + Suffix();
        foreach (var host in new[] { $"{first}.bekasikota.go.id", $"www.{first}.bekasikota.go.id", $"{first.ToUpperInvariant()}.localhost" })
        {
            var response = await admin.CreateAsync(PortalAdmin.NewTenant(second, host));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await PortalAdmin.ErrorsAsync(response))["Hosts"], m => m.Contains("sudah dipakai tenant lain"));
        }
        await AssertNothingOfAsync(second);
    }

    [Theory]
    [InlineData("Dinas Kesehatan!")]
    [InlineData("1dinkes")]
    [InlineData("admin")]
    [InlineData("d")]
    [InlineData("default")]
    public async Task An_invalid_technical_name_is_refused_in_indonesian(string name)
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var response = await admin.CreateAsync(PortalAdmin.NewTenant(name, "valid" + Suffix() + ".bekasikota.go.id"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await PortalAdmin.ErrorsAsync(response))["Name"], m => m.StartsWith("Nama teknis harus 2–40 karakter"));
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var response = await admin.CreateAsync(new { name = "kosong" + Suffix(), hosts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await PortalAdmin.ErrorsAsync(response);
        Assert.Contains("Nama tampilan wajib diisi (paling banyak 200 karakter).", errors["DisplayName"]);
        Assert.Contains("Isi paling sedikit satu nama host atau prefiks URL.", errors["Hosts"]);
        Assert.Contains("Nama pengguna administrator wajib diisi.", errors["AdminUserName"]);
        Assert.Contains("Kata sandi administrator wajib diisi.", errors["AdminPassword"]);
    }

    [Fact]
    public async Task A_weak_administrator_password_fails_the_setup_and_leaves_no_store_behind()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var name = "weak" + Suffix();
        var response = await admin.CreateAsync(PortalAdmin.NewTenant(name, password: "pendek"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await PortalAdmin.ErrorsAsync(response))["AdminPassword"], m => m.Contains("Kata sandi paling sedikit 10 karakter."));
        await AssertNothingOfAsync(name);
    }

    [Fact]
    public async Task A_malformed_recipe_is_reported_with_its_step_and_field_and_nothing_stays_half_applied()
    {
        File.WriteAllText(Path.Combine(Site.RecipesFolder, "rusak-izin.json"), """
            { "name": "rusak-izin", "isTenantRecipe": true, "steps": [
              { "name": "feature", "enable": ["OrchardSpbe.Users", "OrchardSpbe.Admin", "OrchardSpbe.PublicSite"] },
              { "name": "roles", "roles": [ { "name": "Editor", "permissions": ["AccessAdmin", "IzinKhayalan"] } ] },
              { "name": "users", "users": [ { "userName": "{{AdminUserName}}", "email": "{{AdminEmail}}", "password": "{{AdminPassword}}", "roles": ["Administrator"] } ] } ] }
            """);
        File.WriteAllText(Path.Combine(Site.RecipesFolder, "rusak-json.json"), """{ "name": "rusak-json", "steps": [ { "name": "feature", """);
        using var admin = await PortalAdmin.SignInAsync(Site);

        var name = "rusak" + Suffix();
        var badStep = await admin.CreateAsync(PortalAdmin.NewTenant(name, recipe: "rusak-izin"));
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);
        Assert.Contains("Langkah 2 (roles), kolom 'roles[0].permissions': Izin 'IzinKhayalan' tidak dikenal.",
            (await PortalAdmin.ErrorsAsync(badStep))["Recipe"]);
        await AssertNothingOfAsync(name);

        var badJson = await admin.CreateAsync(PortalAdmin.NewTenant(name, recipe: "rusak-json"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains((await PortalAdmin.ErrorsAsync(badJson))["Recipe"], m => m.StartsWith("Resep bukan JSON yang valid"));
        await AssertNothingOfAsync(name);
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_portal_administrator_and_the_antiforgery_token()
    {
        using var anonymous = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Site.Url(null, "/api/tenants"))).StatusCode);

        using var admin = await PortalAdmin.SignInAsync(Site);
        var forged = await admin.SendAsync(HttpMethod.Post, "/api/tenants", PortalAdmin.NewTenant("csrf" + Suffix()), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A PD site has no tenant management at all.
        var pd = "pd" + Suffix();
        await Site.CreateTenantAsync(pd);
        using var pdAdmin = Site.NewVisitor();
        await pdAdmin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await pdAdmin.GetAsync(Site.Url(pd, "/api/tenants"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pdAdmin.GetAsync(Site.Url(pd, "/admin/tenants"))).StatusCode);
    }

    private async Task AssertNothingOfAsync(string name)
    {
        Assert.Null(Site.Registry.Find(name));
        Assert.False(await StoreExistsAsync(name));
        using var admin = await PortalAdmin.SignInAsync(Site);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(HttpMethod.Get, $"/api/tenants/{name}", withToken: false)).StatusCode);
    }

    private async Task<bool> StoreExistsAsync(string name)
    {
        if (Site.Options.Provider == DatabaseProviderName.Sqlite)
            return Directory.Exists(Path.Combine(Site.AppData, "Sites", name));
        var schema = Site.Services.GetRequiredService<IDatabaseProvider>().LocationForTenant(name);
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class TenantsApiOnSqlite(SqliteSite fixture) : TenantsApiTests(fixture), IClassFixture<SqliteSite>;

public sealed class TenantsApiOnPostgres(PostgresSite fixture) : TenantsApiTests(fixture), IClassFixture<PostgresSite>;
