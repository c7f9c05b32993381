using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;

namespace OrchardSpbe.Tenants.Recipes;

/// <summary>
/// { "name": "tenants", "tenants": [ { "name", "displayName", "category", "hosts": [], "urlPrefix", "recipe",
/// "adminUserName", "adminEmail", "adminPassword" } ] } — city portal only. Each tenant has a store of its
/// own, so if a later step fails the tenants created here are removed again.
/// </summary>
public sealed class TenantsStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "tenants";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var current = context.Services.GetRequiredService<TenantContext>();
        if (!current.IsDefault) throw context.Fail("name", T["Langkah 'tenants' hanya dapat dijalankan di portal kota."]);
        var manager = context.Services.GetRequiredService<TenantManager>();
        var entries = context.RequiredArray("tenants", T["Daftar 'tenants' wajib diisi."]);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"tenants[{i}]";
            if (entries[i] is not JsonObject entry) throw context.Fail(field, T["Setiap tenant harus berupa objek."]);
            var result = await manager.CreateAsync(new CreateTenantRequest
            {
                Name = (string?)entry["name"] ?? "",
                DisplayName = (string?)entry["displayName"] ?? "",
                Category = (string?)entry["category"],
                Hosts = (entry["hosts"] as JsonArray)?.Select(h => (string?)h).OfType<string>().ToList() ?? [],
                UrlPrefix = (string?)entry["urlPrefix"],
                RecipeName = (string?)entry["recipe"] ?? "pd-site",
                AdminUserName = (string?)entry["adminUserName"] ?? "",
                AdminEmail = (string?)entry["adminEmail"] ?? "",
                AdminPassword = (string?)entry["adminPassword"] ?? "",
                ContactAddress = (string?)entry["address"],
                ContactPhone = (string?)entry["phone"],
            });
            if (!result.Succeeded)
            {
                var (key, message) = result.Errors.First();
                throw context.Fail($"{field}.{char.ToLowerInvariant(key[0])}{key[1..]}", message);
            }
            var name = result.Tenant!.Name;
            context.OnRollback(async () =>
            {
                await manager.DisableAsync(name);
                await manager.DeleteAsync(name);
            });
        }
    }
}
