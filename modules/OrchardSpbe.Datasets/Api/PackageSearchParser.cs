using System.Text.RegularExpressions;
using OrchardSpbe.Datasets.Catalogue;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// CKAN's Solr filter syntax, as far as clients use it: <c>fq</c> (and field terms in <c>q</c>) as space-separated
/// <c>[+]field:value</c> or <c>field:"value with spaces"</c> on the facet fields, name and id; <c>sort</c> as
/// "field asc|desc, …". Anything else — local parameters, ranges, boolean operators, unknown fields — is a
/// Search Query Error, never passed on.
/// </summary>
public static partial class PackageSearchParser
{
    private static readonly string[] FilterFields = [.. CatalogueQuery.FacetNames, "name", "id"];

    public static List<(string Field, string Value)> Filters(string? fq)
    {
        var filters = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(fq)) return filters;
        var rest = fq.Trim();
        while (rest.Length > 0)
        {
            var match = Term().Match(rest);
            if (!match.Success) throw new CkanSearchQuery($"Search Query is invalid: \"{Shorten(fq)}\"");
            var field = match.Groups["field"].Value;
            if (!FilterFields.Contains(field)) throw new CkanSearchQuery($"Search Query is invalid: unknown field \"{field}\"");
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\\\"", "\"") : match.Groups["bare"].Value;
            filters.Add((field, value));
            rest = rest[match.Length..].TrimStart();
        }
        return filters;
    }

    /// <summary>Splits q into its field terms (filters) and its free text; local parameters are refused.</summary>
    public static (string? Text, List<(string Field, string Value)> Filters) Query(string? q)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim() == "*:*") return (null, []);
        if (q.Contains("{!", StringComparison.Ordinal)) throw new CkanSearchQuery("Search Query is invalid: local parameters are not supported");
        if (q.Contains(':') ) return (null, Filters(q));
        return (q.Trim(), []);
    }

    public static List<(string Field, bool Descending)> Sort(string? sort)
    {
        var list = new List<(string, bool)>();
        if (string.IsNullOrWhiteSpace(sort) || sort.Trim() == "rank") return [("score", true), ("metadata_modified", true)];
        foreach (var clause in sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || !CatalogueQuery.SortNames.Contains(parts[0]) || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
                throw new CkanSearchQuery("Invalid \"sort\" parameter");
            list.Add((parts[0], parts.Length == 2 && parts[1] == "desc"));
        }
        return list;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    [GeneratedRegex("""^\+?(?<field>[a-z_]+):(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>[^\s"():\[\]{}*?~^\\]+))(?=\s|$)""")]
    private static partial Regex Term();
}
