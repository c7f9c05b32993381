namespace OrchardSpbe.Recipes;

/// <summary>The outcome of a recipe run: all applied, or nothing applied and the step and field at fault.</summary>
public sealed record RecipeResult(bool Succeeded, string? Error, int? StepNumber = null, string? Step = null, string? Field = null)
{
    public static readonly RecipeResult Ok = new(true, null);
}
