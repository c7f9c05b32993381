using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using OrchardSpbe.Search.Stemming;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// How text becomes terms. Indonesian text goes through <see cref="IndonesianRootAnalyzer"/> (stop words, our
/// dictionary-checked stemmer: "pembangunan", "membangun" → "bangun", "pemerintahan" → "perintah"); beside it every
/// text is kept "raw" — standard tokens, lower-cased, accents folded — because a stem says nothing about codes
/// ("SP00055", "RT 005") and exact phrases, and because fuzzy matching works on real words, not stems.
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Raise when the analysis changes in code (stemmer rules, analyzer chain). Together with the dictionary's
    /// fingerprint it is written into every index's commit; an index written with another version is rebuilt in the
    /// background (<see cref="SearchIndexHost"/>). "1" was Lucene's IndonesianAnalyzer (indexes without a version).
    /// </summary>
    private const string AnalysisRevision = "2";

    /// <summary>What every index of this process is (or is being rebuilt to be) analysed with.</summary>
    public static string AnalysisVersion => AnalysisRevision + ":" + RootDictionary.Current.Fingerprint;

    public static readonly Analyzer Indonesian = new IndonesianRootAnalyzer(Version);

    public static readonly Analyzer Raw = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>What the writer uses: raw fields ("…raw", <see cref="SearchFields.Suggest"/>) raw, every other text field Indonesian.</summary>
    public static readonly Analyzer PerField = new FieldAnalyzer();

    public static bool IsRawField(string field) => field.EndsWith("raw", StringComparison.Ordinal) || field == SearchFields.Suggest;

    /// <summary>The terms an analyzer makes of a text.</summary>
    public static List<string> Terms(Analyzer analyzer, string text, string field = "f")
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private sealed class FieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => IsRawField(fieldName) ? Raw : Indonesian;
    }
}

/// <summary>The index's field names, shared by the writer and the queries.</summary>
public static class SearchFields
{
    public const string Item = "item";
    public const string Key = "key";
    public const string Tenant = "tenant";
    public const string Type = "type";
    public const string TypeName = "type_name";
    public const string Status = "status";
    public const string Owner = "owner";
    public const string Title = "title";
    public const string TitleRaw = "title_raw";
    public const string Text = "text";
    public const string Raw = "raw";
    public const string Body = "body";
    public const string Url = "url";
    public const string Date = "date";
    /// <summary>Words of published documents only: autocomplete and "did you mean" never reveal a draft.</summary>
    public const string Suggest = "suggest";

    // Doc values for facets and sorting.
    public const string TenantFacet = "tenant_dv";
    public const string TypeFacet = "type_dv";
    public const string DateSort = "date_dv";

    /// <summary>A module's own fields are indexed as "f_&lt;name&gt;", their facets as doc values "f_&lt;name&gt;_dv".</summary>
    public const string ModulePrefix = "f_";

    public static string FacetOf(string moduleField) => ModulePrefix + moduleField + "_dv";

    public const string Published = "published";
    public const string Draft = "draft";
}
