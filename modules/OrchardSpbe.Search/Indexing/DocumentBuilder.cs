using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace OrchardSpbe.Search.Indexing;

/// <summary>Turns a module's <see cref="SearchDocument"/> into a Lucene document of one tenant's index.</summary>
public static class DocumentBuilder
{
    /// <summary>Stored body text is cut here: enough for a snippet, small enough for 120 tenants' indexes.</summary>
    public const int StoredBodyLength = 4000;

    /// <param name="portal">For the portal index: all of it is published, so its raw words serve as suggestions and the suggest field is left out.</param>
    public static Document Build(string tenant, SearchDocument source, bool portal)
    {
        var published = source.Visibility == SearchVisibility.Published;
        var date = source.Date.ToUnixTimeMilliseconds();
        var doc = new Document
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
            new TextField(SearchFields.Title, source.Title, Field.Store.YES),
            new TextField(SearchFields.TitleRaw, source.Title, Field.Store.NO),
            new TextField(SearchFields.Text, source.Body, Field.Store.NO),
            new TextField(SearchFields.Raw, source.Body, Field.Store.NO),
            new StoredField(SearchFields.Body, source.Body.Length > StoredBodyLength ? source.Body[..StoredBodyLength] : source.Body),
            new StoredField(SearchFields.Url, source.Url),
            new Int64Field(SearchFields.Date, date, Field.Store.YES),
            new NumericDocValuesField(SearchFields.DateSort, date),
        };
        if (published && !portal) doc.Add(new TextField(SearchFields.Suggest, source.Title + "\n" + source.Body, Field.Store.NO));
        foreach (var field in source.Fields) Add(doc, field, published && !portal);
        return doc;
    }

    /// <summary>An item across tenants (the portal index holds every tenant's).</summary>
    public static string KeyOf(string tenant, string itemId) => tenant + ":" + itemId;

    // A module's own fields: "f_<name>" (text also "f_<name>_raw"), facets as doc values "f_<name>_dv".
    private static void Add(Document doc, SearchField field, bool published)
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
                if (published) doc.Add(new TextField(SearchFields.Suggest, text, Field.Store.NO));
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
