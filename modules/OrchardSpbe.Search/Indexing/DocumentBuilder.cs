using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Sinks;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace OrchardSpbe.Search.Indexing;

/// <summary>Turns a module's <see cref="SearchDocument"/> into a Lucene document of one tenant's index.</summary>
public static class DocumentBuilder
{
    /// <summary>Stored body text is cut here: enough for a snippet, small enough for 120 tenants' indexes.</summary>
    public const int StoredBodyLength = 4000;

    /// <summary>
    /// The tenant index's document and, for a published item, the portal index's. Title and body are analysed once
    /// each way (Indonesian, raw) and the tokens replayed into every field that indexes them — the tenant's document,
    /// the portal's and the suggestions: before, a published body went through the analyzers nine times, and
    /// analysis is most of an index build.
    /// </summary>
    public static (Document Own, Document? Portal) Build(string tenant, SearchDocument source)
    {
        var published = source.Visibility == SearchVisibility.Published;
        var title = Analysed(SearchAnalyzers.Indonesian, SearchFields.Title, source.Title);
        var titleRaw = Analysed(SearchAnalyzers.Raw, SearchFields.TitleRaw, source.Title);
        var text = Analysed(SearchAnalyzers.Indonesian, SearchFields.Text, source.Body);
        var raw = Analysed(SearchAnalyzers.Raw, SearchFields.Raw, source.Body);
        var own = Build(tenant, source, title, titleRaw, text, raw);
        // Words of published documents for suggestions (the portal index holds nothing else and uses its raw words).
        if (published)
        {
            own.Add(new TextField(SearchFields.Suggest, titleRaw));
            own.Add(new TextField(SearchFields.Suggest, raw));
        }
        foreach (var field in source.Fields) Add(own, field, published);
        if (!published) return (own, null);
        var portal = Build(tenant, source, title, titleRaw, text, raw);
        foreach (var field in source.Fields) Add(portal, field, suggest: false);
        return (own, portal);
    }

    private static Document Build(string tenant, SearchDocument source, TokenStream title, TokenStream titleRaw, TokenStream text, TokenStream raw)
    {
        var published = source.Visibility == SearchVisibility.Published;
        var date = source.Date.ToUnixTimeMilliseconds();
        return new Document
        {
            new StringField(SearchFields.Key, KeyOf(tenant, source.ItemId), Field.Store.NO),
            new StringField(SearchFields.Item, source.ItemId, Field.Store.YES),
            new StringField(SearchFields.Tenant, tenant, Field.Store.YES),
            new SortedDocValuesField(SearchFields.TenantFacet, new BytesRef(tenant)),
            new StringField(SearchFields.Type, source.Type, Field.Store.YES),
            new SortedDocValuesField(SearchFields.TypeFacet, new BytesRef(source.Type)),
            new StoredField(SearchFields.TypeName, source.TypeName.Length > 0 ? source.TypeName : source.Type),
            new StringField(SearchFields.Status, published ? SearchFields.Published : SearchFields.Draft, Field.Store.YES),
            new StringField(SearchFields.Owner, source.Owner ?? "", Field.Store.NO),
            new StoredField(SearchFields.Title, source.Title),
            new TextField(SearchFields.Title, title),
            new TextField(SearchFields.TitleRaw, titleRaw),
            new TextField(SearchFields.Text, text),
            new TextField(SearchFields.Raw, raw),
            new StoredField(SearchFields.Body, source.Body.Length > StoredBodyLength ? source.Body[..StoredBodyLength] : source.Body),
            new StoredField(SearchFields.Url, source.Url),
            new Int64Field(SearchFields.Date, date, Field.Store.YES),
            new NumericDocValuesField(SearchFields.DateSort, date),
        };
    }

    /// <summary>The text's tokens, analysed now, replayable (each field that indexes it resets the stream and reads it again).</summary>
    private static TokenStream Analysed(Analyzer analyzer, string field, string text)
    {
        var tee = new TeeSinkTokenFilter(analyzer.GetTokenStream(field, text));
        var sink = tee.NewSinkTokenStream();
        tee.Reset();
        tee.ConsumeAllTokens();
        tee.End();
        tee.Dispose();
        return sink;
    }

    /// <summary>An item across tenants (the portal index holds every tenant's).</summary>
    public static string KeyOf(string tenant, string itemId) => tenant + ":" + itemId;

    // A module's own fields: "f_<name>" (text also "f_<name>_raw"), facets as doc values "f_<name>_dv".
    private static void Add(Document doc, SearchField field, bool suggest)
    {
        var name = "f_" + field.Name;
        var store = field.Stored ? Field.Store.YES : Field.Store.NO;
        switch (field.Kind)
        {
            case SearchFieldKind.Text when field.Text is { Length: > 0 } text:
                doc.Add(new TextField(name, text, store));
                doc.Add(new TextField(name + "_raw", text, Field.Store.NO));
                // Module text is found by the common query too.
                doc.Add(new TextField(SearchFields.Text, text, Field.Store.NO));
                doc.Add(new TextField(SearchFields.Raw, text, Field.Store.NO));
                if (suggest) doc.Add(new TextField(SearchFields.Suggest, text, Field.Store.NO));
                break;
            case SearchFieldKind.Keyword when field.Text is { Length: > 0 } keyword:
                doc.Add(new StringField(name, keyword, store));
                if (field.Facet) doc.Add(new SortedDocValuesField(name + "_dv", new BytesRef(keyword)));
                break;
            case SearchFieldKind.Number when field.Number is { } number:
                doc.Add(new DoubleField(name, number, store));
                break;
            case SearchFieldKind.Date when field.Date is { } at:
                doc.Add(new Int64Field(name, at.ToUnixTimeMilliseconds(), store));
                break;
        }
    }
}
