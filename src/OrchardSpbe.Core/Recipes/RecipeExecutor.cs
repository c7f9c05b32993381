using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Recipes;

/// <summary>
/// Runs a recipe against one tenant: checks the whole recipe first, then applies every step in one
/// transaction of the tenant's store. A failing step rolls everything back and is reported with its
/// number, name and field — nothing of the recipe stays half-applied.
/// </summary>
public sealed partial class RecipeExecutor(
    RecipeCatalog catalog,
    IEnumerable<IRecipeStep> stepHandlers,
    TenantScopeFactory scopes,
    IStringLocalizer<Strings> T,
    ILogger<RecipeExecutor> logger)
{
    public async Task<RecipeResult> ExecuteAsync(TenantShell shell, string recipeName, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var text = catalog.Read(recipeName);
        return text is null
            ? new RecipeResult(false, T["Resep '{0}' tidak ditemukan.", recipeName])
            : await ExecuteJsonAsync(shell, text, parameters);
    }

    public async Task<RecipeResult> ExecuteJsonAsync(TenantShell shell, string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var (steps, error) = Parse(json, parameters ?? new Dictionary<string, string>());
        if (error is not null) return error;

        var run = new RecipeRun();
        var current = 0;
        await using var scope = scopes.CreateScope(shell);
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        try
        {
            await using (var transaction = await session.BeginTransactionAsync())
            {
                await scope.ServiceProvider.GetRequiredService<MigrationRunner>().RunAsync([]);
                for (current = 0; current < steps!.Count; current++)
                {
                    var step = steps[current];
                    var handler = stepHandlers.First(h => h.Name == (string?)step["name"]);
                    await handler.ExecuteAsync(new RecipeStepContext(step, current, scope.ServiceProvider, run));
                }
                await transaction.CommitAsync();
            }
            return RecipeResult.Ok;
        }
        catch (RecipeStepException failed)
        {
            await CompensateAsync(run);
            return new RecipeResult(false,
                T["Langkah {0} ({1}), kolom '{2}': {3}", failed.StepIndex + 1, failed.Step, failed.Field, failed.Message],
                failed.StepIndex + 1, failed.Step, failed.Field);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Recipe step {Step} failed for tenant {RecipeTenant}", current + 1, shell.Name);
            await CompensateAsync(run);
            var name = (string?)steps![Math.Min(current, steps.Count - 1)]["name"];
            return new RecipeResult(false, T["Langkah {0} ({1}) gagal: {2}", current + 1, name ?? "", exception.Message], current + 1, name);
        }
    }

    /// <summary>Checks the recipe's shape and that every step has a handler, before anything is applied.</summary>
    private (IReadOnlyList<JsonObject>? Steps, RecipeResult? Error) Parse(string json, IReadOnlyDictionary<string, string> parameters)
    {
        JsonObject? root;
        try
        {
            // Duplicate keys are refused at parse: JsonObject would otherwise throw when the node is first read.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false,
            }) as JsonObject;
        }
        catch (JsonException exception)
        {
            return (null, new RecipeResult(false, T["Resep bukan JSON yang valid (baris {0}).", (exception.LineNumber ?? 0) + 1]));
        }
        if (root?["steps"] is not JsonArray array)
            return (null, new RecipeResult(false, T["Resep harus memiliki daftar langkah 'steps'."]));

        var steps = new List<JsonObject>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject step || step["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
                return (null, new RecipeResult(false, T["Langkah {0}: setiap langkah harus berupa objek dengan 'name'.", i + 1], i + 1, null, "name"));
            if (!stepHandlers.Any(h => h.Name == name))
                return (null, new RecipeResult(false, T["Langkah {0}: jenis langkah '{1}' tidak dikenal.", i + 1, name], i + 1, name, "name"));
            var missing = Substitute(step, parameters);
            if (missing is not null)
                return (null, new RecipeResult(false, T["Langkah {0} ({1}): parameter '{2}' tidak tersedia.", i + 1, name, missing], i + 1, name));
            steps.Add(step);
        }
        return (steps, null);
    }

    /// <summary>Replaces {{Name}} in string values with setup parameters; returns the first unknown name.</summary>
    private static string? Substitute(JsonNode node, IReadOnlyDictionary<string, string> parameters)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                    if (child is not null && Substitute(child, parameters) is { } missingInObject) return missingInObject;
                return null;
            case JsonArray arr:
                foreach (var child in arr.ToList())
                    if (child is not null && Substitute(child, parameters) is { } missingInArray) return missingInArray;
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{{"):
                string? missing = null;
                var replaced = Placeholder().Replace(text, match =>
                {
                    if (parameters.TryGetValue(match.Groups[1].Value, out var parameter)) return parameter;
                    missing ??= match.Groups[1].Value;
                    return match.Value;
                });
                value.ReplaceWith(JsonValue.Create(replaced));
                return missing;
            default:
                return null;
        }
    }

    private static async Task CompensateAsync(RecipeRun run)
    {
        for (var i = run.Compensations.Count - 1; i >= 0; i--) await run.Compensations[i]();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
