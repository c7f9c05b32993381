using System.Text.Json.Serialization;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// A published dataset as its readers see it — the pages, the CKAN API, DCAT, search — on its PD (read from
/// <c>ds_datasets</c>) and on the portal (the same record, carried in the portal catalog's entry).
/// </summary>
public sealed record DatasetRecord
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>The walidata: the PD's tenant name (CKAN's organisation).</summary>
    public string Organization { get; init; } = "";
    public string OrganizationTitle { get; init; } = "";
    public DatasetPart Part { get; init; } = new();
    public DateTimeOffset CreatedUtc { get; init; }
    public DateTimeOffset ModifiedUtc { get; init; }
    public DateTimeOffset? PublishedUtc { get; init; }
    public IReadOnlyList<ResourceRecord> Resources { get; init; } = [];

    public bool IsPublic => Part.Classification == Classifications.Terbuka;

    /// <summary>
    /// On the portal, where two PDs may each have a dataset of the same name: the name the city's CKAN API and DCAT
    /// give it, unique across the city (<see cref="DatasetCatalog.CityAsync"/>). Null where the plain name is unique.
    /// </summary>
    [JsonIgnore]
    public string? CityName { get; init; }

    /// <summary>The CKAN name: unique on the site that answers.</summary>
    [JsonIgnore]
    public string ApiName => CityName ?? Name;

    public IEnumerable<string> Formats => Resources.Select(r => r.Format).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
}

public sealed record ResourceRecord
{
    public string Id { get; init; } = "";
    public string DatasetId { get; init; } = "";
    public int Position { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>"upload" (a file kept here) or "" (a link, as CKAN writes it).</summary>
    public string UrlType { get; init; } = "";
    /// <summary>The link's address; for an upload, null (its address is the download page).</summary>
    public string? Url { get; init; }
    public string Format { get; init; } = "";
    public string MediaType { get; init; } = "";
    public long? Size { get; init; }
    public string? Sha256 { get; init; }
    public DateTimeOffset LastModifiedUtc { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
    public bool DataStoreActive { get; init; }
    public long? DataStoreRows { get; init; }
    public string? DataStoreError { get; init; }

    public bool IsUpload => UrlType == ResourceKinds.Upload;
}

public static class ResourceKinds
{
    public const string Upload = "upload";
    public const string Link = "";
}
