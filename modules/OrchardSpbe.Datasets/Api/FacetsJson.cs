using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrchardSpbe.Datasets.Api;

/// <summary>One facet field's counts as package_search answers them: each value with its display name and count, most first.</summary>
public sealed record FacetItems(string Field, IReadOnlyList<(string Name, string Display, int Count)> Items);

/// <summary>
/// package_search's <c>facets</c> (<c>{field: {value: count}}</c>, most first), written straight into the answer when
/// it is written: a node per value (four fields of up to 50 values, twice) was most of what a search allocated.
/// </summary>
[JsonConverter(typeof(FacetCountsConverter))]
public sealed record FacetCounts(IReadOnlyList<FacetItems> Fields);

/// <summary>
/// package_search's <c>search_facets</c>: <c>{field: {title, items: [{name, display_name, count}]}}</c>, the items by
/// display name descending as CKAN lists them; written as <see cref="FacetCounts"/> is.
/// </summary>
[JsonConverter(typeof(SearchFacetsConverter))]
public sealed record SearchFacets(IReadOnlyList<FacetItems> Fields);

/// <summary>A converter of values that exist only to be written into an answer, never read back.</summary>
public abstract class WriteOnlyConverter<T> : JsonConverter<T>
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
}

public sealed class FacetCountsConverter : WriteOnlyConverter<FacetCounts>
{
    public override void Write(Utf8JsonWriter writer, FacetCounts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var facet in value.Fields)
        {
            writer.WriteStartObject(facet.Field);
            foreach (var (name, _, count) in facet.Items) writer.WriteNumber(name, count);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}

public sealed class SearchFacetsConverter : WriteOnlyConverter<SearchFacets>
{
    public override void Write(Utf8JsonWriter writer, SearchFacets value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var facet in value.Fields)
        {
            writer.WriteStartObject(facet.Field);
            writer.WriteString("title", facet.Field);
            writer.WriteStartArray("items");
            // Stable, as CKAN's: values of one display name keep their order by count.
            var items = facet.Items;
            var order = Enumerable.Range(0, items.Count).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(items[b].Display, items[a].Display) is var byName and not 0 ? byName : a.CompareTo(b));
            foreach (var (name, display, count) in order.Select(i => items[i]))
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("display_name", display);
                writer.WriteNumber("count", count);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
