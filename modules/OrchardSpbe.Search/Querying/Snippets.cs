using System.Text;
using System.Text.Encodings.Web;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Highlighted snippets. Lucene.Net.Highlighter is not on the package mirror, so this does its core job:
/// the stored text is analysed again — once as Indonesian, once raw — and every token whose stem, raw form,
/// prefix or near word the query asked for is marked by its offsets. Everything but the &lt;mark&gt; is
/// HTML-encoded.
/// </summary>
public sealed class Snippets
{
    private readonly HashSet<string> _stems = [];
    private readonly HashSet<string> _raw = [];
    private readonly List<string> _prefixes = [];

    /// <param name="near">The near words searched for an unknown word: marked too.</param>
    public Snippets(UserQuery query, Func<string, IReadOnlyList<string>> near)
    {
        foreach (var clause in query.Clauses)
        {
            switch (clause.Kind)
            {
                case QueryClauseKind.Word:
                    _raw.Add(clause.Terms[0]);
                    foreach (var stem in QueryBuilder.Stems(clause.Terms[0])) _stems.Add(stem);
                    foreach (var other in near(clause.Terms[0])) _raw.Add(other);
                    break;
                case QueryClauseKind.Prefix: _prefixes.Add(clause.Terms[0]); break;
                default: foreach (var term in clause.Terms) _raw.Add(term); break;
            }
        }
    }

    /// <summary>The whole text, its matches marked (titles).</summary>
    public string Mark(string text) => Render(text, Matches(text, int.MaxValue), 0, text.Length);

    /// <summary>About <paramref name="length"/> characters around the first match (the start when none), matches marked.</summary>
    public string Cut(string text, int length = 220)
    {
        if (text.Length == 0) return "";
        var matches = Matches(text, length);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - 60);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < matches[0].Start) start = space + 1;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && text.LastIndexOf(' ', end) is var back && back > start + length / 2) end = back;
        return (start > 0 ? "… " : "") + Render(text, matches, start, end) + (end < text.Length ? " …" : "");
    }

    /// <param name="window">Matches further than this past the first one are not shown: analysis stops there. (Analysing
    /// a whole 4,000-character body twice, stemmer included, for each of 10 hits was most of a query's snippet time.)</param>
    private List<(int Start, int End)> Matches(string text, int window)
    {
        var found = new List<(int Start, int End)>();
        if (_stems.Count > 0) Collect(SearchAnalyzers.Indonesian, SearchFields.Text, text, t => _stems.Contains(t), found, window);
        Collect(SearchAnalyzers.Raw, SearchFields.Raw, text, IsRawMatch, found, window);
        found.Sort();
        // Merge overlapping marks (a word matched both by its stem and its raw form).
        var merged = new List<(int Start, int End)>();
        foreach (var match in found)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, match.End));
            else merged.Add(match);
        }
        return merged;
    }

    private bool IsRawMatch(string token) =>
        _raw.Contains(token) || _prefixes.Any(p => token.StartsWith(p, StringComparison.Ordinal));

    private static void Collect(Analyzer analyzer, string field, string text, Func<string, bool> match, List<(int Start, int End)> found, int window)
    {
        // The earliest match so far (of either pass) bounds how far this pass needs to read.
        var limit = found.Count == 0 ? int.MaxValue : (long)found.Min(f => f.Start) + window;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (offset.StartOffset > limit) break;
            if (!match(term.ToString())) continue;
            found.Add((offset.StartOffset, offset.EndOffset));
            limit = Math.Min(limit, (long)offset.StartOffset + window);
        }
        stream.End();
    }

    private static string Render(string text, List<(int Start, int End)> matches, int start, int end)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var (s, e) in matches)
        {
            if (e <= start || s >= end) continue;
            var from = Math.Max(s, start);
            var to = Math.Min(e, end);
            html.Append(HtmlEncoder.Default.Encode(text[at..from]));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(text[from..to])).Append("</mark>");
            at = to;
        }
        html.Append(HtmlEncoder.Default.Encode(text[at..end]));
        return html.ToString();
    }
}

public static class Distance
{
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
