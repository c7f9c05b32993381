using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;

namespace OrchardSpbe.Contents.Recipes;

/// <summary>{ "name": "content-definitions", "types": [ { "Name": "Article", "DisplayName": "Berita", "Parts": [...], "Fields": [...] } ] }</summary>
public sealed class ContentDefinitionsStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "content-definitions";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var store = context.Services.GetRequiredService<ContentDefinitionStore>();
        var rules = context.Services.GetRequiredService<ContentTypeRules>();
        var types = context.RequiredArray("types", T["Daftar 'types' wajib diisi."]);
        for (var i = 0; i < types.Count; i++)
        {
            ContentTypeDefinition? type;
            try
            {
                type = types[i]?.Deserialize<ContentTypeDefinition>(ContentItem.Json);
            }
            catch (JsonException)
            {
                type = null;
            }
            if (type is null) throw context.Fail($"types[{i}]", T["Setiap tipe harus berupa objek definisi tipe."]);
            var errors = rules.Validate(type);
            if (errors.Count > 0) throw context.Fail($"types[{i}].{errors.First().Key}", errors.First().Value);
            var current = await store.LoadAsync();
            if (!await store.SaveTypeAsync(type, current.Version)) throw context.Fail($"types[{i}]", T[OrchardSpbe.Localization.CommonText.StaleEdit]);
        }
    }
}
