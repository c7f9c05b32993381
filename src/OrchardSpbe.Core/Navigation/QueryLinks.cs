using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace OrchardSpbe.Navigation;

/// <summary>
/// Links from a list page to itself with some of its query changed (a facet chosen or cleared, another page):
/// <c>Link(new { pd = "dinkes", page = (int?)null })</c> keeps the other keys of the current query and drops the
/// empty ones.
/// </summary>
public static class QueryLinks
{
    /// <summary>A link builder for <paramref name="path"/> whose query is <paramref name="current"/> changed by the values given.</summary>
    public static Func<object, string> For(string path, IReadOnlyDictionary<string, string?> current) => changes =>
    {
        var values = new Dictionary<string, string?>(current);
        // RouteValueDictionary reads an anonymous object through getters it caches per type; with PropertyInfo.GetValue
        // the JIT compiled the same reflection stubs again and again under load (the soak's JIT traces, bench/RESULTS.md).
        foreach (var (key, value) in new RouteValueDictionary(changes)) values[key] = value?.ToString();
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    };
}
