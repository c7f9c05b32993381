using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Recipes;

/// <summary>The JSON recipes shipped in recipes/ (copied beside the host's binaries).</summary>
public sealed class RecipeCatalog(IOptions<RecipeOptions> options)
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Path ?? Path.Combine(AppContext.BaseDirectory, "recipes"));

    public IReadOnlyList<RecipeInfo> List()
    {
        if (!Directory.Exists(Folder)) return [];
        var recipes = new List<RecipeInfo>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order())
        {
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(file))?.AsObject();
                if (root is null) continue;
                recipes.Add(new RecipeInfo(
                    (string?)root["name"] ?? Path.GetFileNameWithoutExtension(file),
                    (string?)root["displayName"] ?? "",
                    (string?)root["description"] ?? "",
                    (bool?)root["isSetupRecipe"] ?? false,
                    (bool?)root["isTenantRecipe"] ?? false));
            }
            catch (JsonException)
            {
                // A broken file is reported when someone runs it, not here.
            }
        }
        return recipes;
    }

    public bool Exists(string name) => SafeName(name) && File.Exists(PathOf(name));

    /// <summary>The recipe's text, or null when there is no such recipe.</summary>
    public string? Read(string name) => Exists(name) ? File.ReadAllText(PathOf(name)) : null;

    private string PathOf(string name) => Path.Combine(Folder, name + ".json");

    private static bool SafeName(string name) =>
        name.Length is > 0 and <= 80 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>A recipe's header. Setup recipes run once when a tenant is created; tenant recipes are offered on the create form.</summary>
public sealed record RecipeInfo(string Name, string DisplayName, string Description, bool IsSetupRecipe, bool IsTenantRecipe);

public sealed class RecipeOptions
{
    /// <summary>Folder of recipe files; defaults to recipes/ beside the binaries.</summary>
    public string? Path { get; set; }
}
