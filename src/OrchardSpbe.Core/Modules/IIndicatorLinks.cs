namespace OrchardSpbe.Modules;

/// <summary>A public statistics indicator another module may link to: its code, title and address on its site.</summary>
public sealed record IndicatorLink(string Code, string Title, string Path);

/// <summary>
/// "Find this site's public indicators by code" — the small contract by which a dataset names the statistics indicators
/// it relates to (issue 11) without knowing the Statistics module: Statistics implements it; a consumer asks for it only
/// where the Statistics feature is enabled on the tenant (STYLE.md: modules know of each other only through Core).
/// </summary>
public interface IIndicatorLinks
{
    public const string FeatureId = "OrchardSpbe.Statistics";

    Task<IReadOnlyList<IndicatorLink>> FindAsync(IReadOnlyCollection<string> codes);
}
