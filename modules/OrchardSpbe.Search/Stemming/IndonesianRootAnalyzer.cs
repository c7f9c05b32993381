using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace OrchardSpbe.Search.Stemming;

/// <summary>
/// Lucene's IndonesianAnalyzer with our dictionary-checked stemmer in place of its rule-only one: standard tokens
/// (a hyphen splits, so "anak-anak" is two "anak"), lower-cased, Indonesian stop words dropped, then stemmed.
/// </summary>
public sealed class IndonesianRootAnalyzer(LuceneVersion version) : Analyzer
{
    public static CharArraySet StopWords => IndonesianAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(version, reader);
        TokenStream stream = new StandardFilter(version, tokenizer);
        stream = new LowerCaseFilter(version, stream);
        stream = new StopFilter(version, stream, StopWords);
        stream = new RootStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
