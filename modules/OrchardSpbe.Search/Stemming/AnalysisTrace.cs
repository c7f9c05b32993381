using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Stemming;

/// <summary>One token of a text through the Indonesian analysis: as written, lower-cased, stemmed (null: a stop word, not indexed), and why.</summary>
public sealed record TokenTrace(string Raw, string Lower, string? Stemmed, string Rule);

/// <summary>
/// What the index does with a text, token by token — the admin's analysis screen (like Solr's Analysis screen or
/// Elasticsearch's _analyze), for explaining a surprising search result. It runs the same steps as
/// <see cref="IndonesianRootAnalyzer"/>, keeping each step's output.
/// </summary>
public static class AnalysisTrace
{
    /// <summary>Longer texts are cut: the screen is for a sentence or a paragraph.</summary>
    public const int MaxLength = 2000;

    public static IReadOnlyList<TokenTrace> Explain(string? text)
    {
        text ??= "";
        if (text.Length > MaxLength) text = text[..MaxLength];
        var tokens = new List<TokenTrace>();
        using var tokenizer = new StandardTokenizer(SearchAnalyzers.Version, new StringReader(text));
        var offsets = tokenizer.AddAttribute<IOffsetAttribute>();
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        var roots = RootDictionary.Current;
        while (tokenizer.IncrementToken())
        {
            var raw = text[offsets.StartOffset..offsets.EndOffset];
            // LowerCaseFilter lower-cases each character, culture-invariantly.
            var lower = term.ToString().ToLowerInvariant();
            if (IndonesianRootAnalyzer.StopWords.Contains(lower))
            {
                tokens.Add(new TokenTrace(raw, lower, null, "kata henti (stop word): tidak diindeks"));
                continue;
            }
            var stem = IndonesianStemmer.Stem(lower, roots);
            tokens.Add(new TokenTrace(raw, lower, stem.Stem, stem.Rule));
        }
        tokenizer.End();
        return tokens;
    }
}
