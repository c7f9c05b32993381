using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace OrchardSpbe.Search.Stemming;

/// <summary>
/// Replaces each lower-case token by its root (<see cref="IndonesianStemmer"/>), in place of Lucene's
/// IndonesianStemFilter. Tokens marked as keywords are left alone. The dictionary is taken once per text, so a
/// document is analysed with one dictionary even if the city's roots change meanwhile.
/// </summary>
public sealed class RootStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private RootDictionary _roots = RootDictionary.Current;

    public RootStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;
        var word = _term.Buffer.AsSpan(0, _term.Length);
        var result = IndonesianStemmer.Stem(word, _roots);
        if (!word.SequenceEqual(result.Stem)) _term.SetEmpty().Append(result.Stem);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _roots = RootDictionary.Current;
    }
}
