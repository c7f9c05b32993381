using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Menus.Models;
using OrchardSpbe.Menus.Services;
using OrchardSpbe.Recipes;

namespace OrchardSpbe.Menus.Recipes;

/// <summary>
/// { "name": "menu", "items": [ { "text": "Profil", "url": "/profil", "children": [ … ] } ] } — replaces
/// the site's main menu. Every entry is checked (same rules as the admin form) before anything is saved.
/// </summary>
public sealed class MenuStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "menu";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var items = context.RequiredArray("items", T["Daftar 'items' wajib diisi."]);
        var menu = new MainMenu { Items = Entries(context, items, "items", depth: 1) };
        var store = context.Services.GetRequiredService<MainMenuStore>();
        var (_, version) = await store.GetAsync();
        if (!await store.SaveAsync(menu, version)) throw context.Fail("items", T[CommonText.StaleEdit]);
    }

    private List<MenuEntry> Entries(RecipeStepContext context, JsonArray array, string path, int depth)
    {
        var entries = new List<MenuEntry>();
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"{path}[{i}]";
            if (array[i] is not JsonObject item) throw context.Fail(field, T["Setiap item menu harus berupa objek."]);
            var text = context.RequiredString(item, "text", T["Teks menu wajib diisi."], field);
            if (text.Length > MenuUrl.MaxTextLength) throw context.Fail(field + ".text", T["Teks menu paling banyak 60 karakter."]);
            var rawUrl = context.RequiredString(item, "url", T["Alamat tautan wajib diisi."], field);
            var url = MenuUrl.Normalize(rawUrl)
                      ?? throw context.Fail(field + ".url", T["Alamat tautan harus berupa alamat di situs ini yang diawali / (misalnya /profil) atau alamat lengkap http:// atau https://."]);
            var children = new List<MenuEntry>();
            if (item["children"] is not null)
            {
                if (item["children"] is not JsonArray list) throw context.Fail(field + ".children", T["'children' harus berupa daftar item menu."]);
                if (depth >= 2 && list.Count > 0) throw context.Fail(field + ".children", T["Menu paling banyak dua tingkat."]);
                children = Entries(context, list, field + ".children", depth + 1);
            }
            entries.Add(new MenuEntry { Text = text, Url = url, Children = children });
        }
        return entries;
    }
}
