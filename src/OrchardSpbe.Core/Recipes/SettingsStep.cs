using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Settings;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Recipes;

/// <summary>{ "name": "settings", "siteName": "…", "email": "…", … } — merged into the site settings.</summary>
public sealed class SettingsStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var store = context.Services.GetRequiredService<SiteSettingsStore>();
        var tenant = context.Services.GetRequiredService<TenantContext>();
        var (current, version) = await store.GetAsync(tenant.Shell.Record.DisplayName);

        var merged = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach (var (key, value) in context.Step)
        {
            if (key == "name") continue;
            if (!merged.ContainsKey(key)) throw context.Fail(key, T["Pengaturan '{0}' tidak dikenal.", key]);
            // A blank value means "not set" (a tenant created without a phone number leaves {{ContactPhone}} empty).
            merged[key] = value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text) ? null : value?.DeepClone();
        }
        SiteSettings settings;
        try
        {
            settings = merged.Deserialize<SiteSettings>(Json)!;
        }
        catch (JsonException)
        {
            throw context.Fail("settings", T["Nilai pengaturan tidak valid."]);
        }
        if (string.IsNullOrWhiteSpace(settings.SiteName)) throw context.Fail("siteName", T["Nama situs wajib diisi."]);
        await store.SaveAsync(settings, version);
    }
}
