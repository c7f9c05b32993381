using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Services;

namespace OrchardSpbe.Workflows.Recipes;

/// <summary>
/// <c>{ "name": "workflows", "workflows": [ { "id", "name", "activities", "transitions" }, … ] }</c>: imports
/// definitions. Each is checked like a save in the admin; an unchanged one adds no version, a changed one a new
/// version (running instances stay on theirs). A refused definition fails the recipe, naming the activity.
/// </summary>
public sealed class WorkflowsStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "workflows";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var list = context.RequiredArray("workflows", T["Langkah 'workflows' memerlukan daftar 'workflows'."]);
        var saver = context.Services.GetRequiredService<DefinitionSaver>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject json) throw context.Fail($"workflows[{i}]", T["Setiap alur kerja harus berupa objek."]);
            var result = await saver.SaveAsync(WorkflowDefinition.FromJson(json), "recipe");
            if (!result.Succeeded) throw context.Fail($"workflows[{i}]", string.Join(" ", result.Errors));
        }
    }
}
