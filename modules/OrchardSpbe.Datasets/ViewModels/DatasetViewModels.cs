using OrchardSpbe.Datasets.Catalogue;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;

namespace OrchardSpbe.Datasets.ViewModels;

public sealed record DatasetAdminListViewModel(IReadOnlyList<(DatasetRecord Dataset, bool Published)> Datasets);

public sealed record ResourcesViewModel(DatasetRecord Dataset, bool Published, IReadOnlyDictionary<string, IReadOnlyList<DataStoreField>> Fields,
    IReadOnlyDictionary<string, string> Errors);

public sealed class CatalogueViewModel
{
    public bool Portal { get; init; }
    public string? Query { get; init; }
    public required PackageResult Result { get; init; }
    public required IReadOnlyList<(string Field, string Value)> Filters { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    public required Func<string, string> PdName { get; init; }
    public required Func<DatasetRecord, string> DatasetUrl { get; init; }
    public required Func<string?, string?, int?, string> Link { get; init; }
}

public sealed record DatasetPageViewModel(DatasetRecord Dataset, string Url, string JsonLd, IReadOnlyList<RelatedIndicatorLink> Indicators);

public sealed record RelatedIndicatorLink(string Code, string Title, string Url);

public sealed class ResourcePageViewModel
{
    public required DatasetRecord Dataset { get; init; }
    public required ResourceRecord Resource { get; init; }
    public DataStoreResult? Preview { get; init; }
    public IReadOnlyList<DataStoreField> Fields { get; init; } = [];
    public string? Q { get; init; }
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();
    public string? Sort { get; init; }
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    public string? Error { get; init; }
    public required Func<object, string> Link { get; init; }
    public required string DownloadUrl { get; init; }
}
