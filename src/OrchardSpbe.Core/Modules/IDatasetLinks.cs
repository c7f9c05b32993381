namespace OrchardSpbe.Modules;

/// <summary>A public dataset another module may link to: its name (CKAN's slug), title and address on its site.</summary>
public sealed record DatasetLink(string Name, string Title, string Path);

/// <summary>
/// "Find this site's public datasets by name" — the small contract by which an application names the datasets it uses
/// (issue 14) without knowing the Datasets module: Datasets implements it; a consumer asks for it only where the
/// Datasets feature is enabled on the tenant (STYLE.md: modules know of each other only through Core).
/// </summary>
public interface IDatasetLinks
{
    public const string FeatureId = "OrchardSpbe.Datasets";

    /// <summary>The published, <i>terbuka</i> datasets among <paramref name="names"/>; unknown or non-public names are left out.</summary>
    Task<IReadOnlyList<DatasetLink>> FindAsync(IReadOnlyCollection<string> names);
}
