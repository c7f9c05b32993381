using System.Globalization;
using OrchardSpbe.Datasets.Datasets;

namespace OrchardSpbe.Datasets.Catalogue;

/// <summary>
/// A parsed CKAN filter (<c>fq</c>, or the field terms of <c>q</c>) as a condition on a published dataset: terms,
/// ranges, negation, and AND/OR groups — what harvesters and ckanapi clients send. Built only by
/// <see cref="Api.PackageSearchParser"/>, so nothing a client writes reaches anything but these comparisons.
/// </summary>
public abstract record DatasetFilter
{
    public abstract bool Matches(DatasetRecord dataset);

    public static readonly DatasetFilter Everything = new AllOf([]);
}

/// <summary><c>field:value</c>, case-insensitive; <c>field:*</c> for "has any value".</summary>
public sealed record TermFilter(string Field, string Value) : DatasetFilter
{
    public override bool Matches(DatasetRecord dataset) => Value == "*"
        ? CatalogueQuery.ValuesOf(dataset, Field).Any()
        : CatalogueQuery.ValuesOf(dataset, Field).Contains(Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary><c>field:[from TO to]</c> (inclusive) or <c>{from TO to}</c> (exclusive) on a date or a count; a null end is open (<c>*</c>).</summary>
public sealed record RangeFilter(string Field, IComparable? From, bool FromInclusive, IComparable? To, bool ToInclusive) : DatasetFilter
{
    public override bool Matches(DatasetRecord dataset)
    {
        if (CatalogueQuery.RangeValueOf(dataset, Field) is not { } value) return false;
        if (From is not null && (FromInclusive ? value.CompareTo(From) < 0 : value.CompareTo(From) <= 0)) return false;
        if (To is not null && (ToInclusive ? value.CompareTo(To) > 0 : value.CompareTo(To) >= 0)) return false;
        return true;
    }
}

public sealed record NotFilter(DatasetFilter Inner) : DatasetFilter
{
    public override bool Matches(DatasetRecord dataset) => !Inner.Matches(dataset);
}

public sealed record AllOf(IReadOnlyList<DatasetFilter> Parts) : DatasetFilter
{
    public override bool Matches(DatasetRecord dataset) => Parts.All(p => p.Matches(dataset));
}

public sealed record AnyOf(IReadOnlyList<DatasetFilter> Parts) : DatasetFilter
{
    public override bool Matches(DatasetRecord dataset) => Parts.Any(p => p.Matches(dataset));
}
