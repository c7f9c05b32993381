using System.Text.Json.Nodes;

namespace OrchardSpbe.Recipes;

/// <summary>One kind of recipe step ("feature", "roles", "users", "settings", "tenants", …), offered by a module.</summary>
public interface IRecipeStep
{
    string Name { get; }
    Task ExecuteAsync(RecipeStepContext context);
}

/// <summary>What a step sees: its JSON, the tenant scope's services, and ways to fail precisely.</summary>
public sealed class RecipeStepContext(JsonObject step, int index, IServiceProvider services, RecipeRun run)
{
    public JsonObject Step { get; } = step;
    public int Index { get; } = index;
    public IServiceProvider Services { get; } = services;

    /// <summary>Undo actions for work outside the tenant's transaction (e.g. other tenants' stores).</summary>
    public void OnRollback(Func<Task> undo) => run.Compensations.Add(undo);

    public string Name => (string?)Step["name"] ?? "";

    /// <summary>Fails the step, naming the field: the whole recipe is rolled back.</summary>
    public RecipeStepException Fail(string field, string message) => new(Index, Name, field, message);

    /// <summary>A required string member of <paramref name="obj"/>; a failure names it by its full path ("items[2].url") when <paramref name="at"/> is given.</summary>
    public string RequiredString(JsonObject obj, string field, string message, string? at = null)
    {
        var value = obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        return string.IsNullOrEmpty(value) ? throw Fail(at is null ? field : at + "." + field, message) : value;
    }

    public JsonArray RequiredArray(string field, string message) =>
        Step[field] as JsonArray ?? throw Fail(field, message);
}

public sealed class RecipeRun
{
    public List<Func<Task>> Compensations { get; } = [];
}

public sealed class RecipeStepException(int index, string step, string field, string message) : Exception(message)
{
    public int StepIndex { get; } = index;
    public string Step { get; } = step;
    public string Field { get; } = field;
}
