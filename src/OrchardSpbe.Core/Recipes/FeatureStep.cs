using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Recipes;

/// <summary>{ "name": "feature", "enable": ["…"], "disable": ["…"] }</summary>
public sealed class FeatureStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "feature";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var features = context.Services.GetRequiredService<FeatureManager>();
        var enable = Ids(context, "enable");
        var result = await features.EnableAsync(enable);
        if (!result.Succeeded) throw context.Fail("enable", result.Error!);
        foreach (var id in Ids(context, "disable"))
        {
            var disabled = await features.DisableAsync(id);
            if (!disabled.Succeeded) throw context.Fail("disable", disabled.Error!);
        }
    }

    private List<string> Ids(RecipeStepContext context, string field)
    {
        if (context.Step[field] is null) return [];
        if (context.Step[field] is not JsonArray array || array.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
            throw context.Fail(field, T["Harus berupa daftar id fitur."]);
        return array.Select(n => (string)n!).ToList();
    }
}
