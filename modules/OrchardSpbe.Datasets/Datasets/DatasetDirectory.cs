using System.Text.Json;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>Reads this PD's datasets and their resources from <c>ds_datasets</c> and <c>ds_resources</c>.</summary>
public sealed class DatasetDirectory(TenantSession session, TenantContext tenant)
{
    private const string Columns = """
        content_item_id AS Id, name AS Name, title AS Title, part AS Part, published AS Published,
        created_utc AS CreatedUtc, modified_utc AS ModifiedUtc, published_utc AS PublishedUtc
        """;

    /// <summary>Published datasets, every classification (the caller filters by who asks), newest change first.</summary>
    public async Task<IReadOnlyList<DatasetRecord>> PublishedAsync(long? modifiedSinceMs = null) =>
        await WithResourcesAsync(await session.QueryAsync<Row>(
            $"SELECT {Columns} FROM ds_datasets WHERE published = TRUE AND modified_utc >= @since ORDER BY modified_utc DESC, name",
            new { since = modifiedSinceMs ?? 0 }));

    /// <summary>Every dataset (drafts too), for the walidata's admin.</summary>
    public async Task<IReadOnlyList<(DatasetRecord Dataset, bool Published)>> AllAsync()
    {
        var rows = (await session.QueryAsync<Row>($"SELECT {Columns} FROM ds_datasets ORDER BY title")).ToList();
        var records = await WithResourcesAsync(rows);
        return records.Select((r, i) => (r, rows[i].Published)).ToList();
    }

    /// <summary>A dataset by its name or id, published or not.</summary>
    public async Task<(DatasetRecord Dataset, bool Published)?> FindAsync(string nameOrId)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM ds_datasets WHERE name = @nameOrId OR content_item_id = @nameOrId", new { nameOrId });
        if (row is null) return null;
        return ((await WithResourcesAsync([row]))[0], row.Published);
    }

    public async Task<ResourceRecord?> FindResourceAsync(string id) =>
        (await session.QueryAsync<ResourceRow>($"SELECT {ResourceColumns} FROM ds_resources WHERE id = @id", new { id })).FirstOrDefault()?.ToRecord();

    private const string ResourceColumns = """
        id AS Id, dataset_id AS DatasetId, position AS Position, name AS Name, description AS Description, url_type AS UrlType,
        url AS Url, format AS Format, media_type AS MediaType, size AS Size, sha256 AS Sha256, last_modified_utc AS LastModifiedUtc,
        created_utc AS CreatedUtc, datastore_table AS DataStoreTable, datastore_rows AS DataStoreRows, datastore_error AS DataStoreError
        """;

    private async Task<IReadOnlyList<DatasetRecord>> WithResourcesAsync(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return [];
        var ids = list.Select(r => r.Id).ToArray();
        var resources = (await session.QueryAsync<ResourceRow>(
                $"SELECT {ResourceColumns} FROM ds_resources WHERE {session.Dialect.InList("dataset_id", "ids")} ORDER BY position, created_utc", new { ids }))
            .GroupBy(r => r.DatasetId).ToDictionary(g => g.Key, g => g.Select(r => r.ToRecord()).ToList());
        var title = tenant.Shell.Record.DisplayName;
        return list.Select(r => new DatasetRecord
        {
            Id = r.Id, Name = r.Name, Title = r.Title, Organization = tenant.Name, OrganizationTitle = title,
            Part = JsonSerializer.Deserialize<DatasetPart>(r.Part) ?? new DatasetPart(),
            CreatedUtc = UnixTime.FromMs(r.CreatedUtc), ModifiedUtc = UnixTime.FromMs(r.ModifiedUtc),
            PublishedUtc = r.PublishedUtc is { } p ? UnixTime.FromMs(p) : null,
            Resources = resources.GetValueOrDefault(r.Id) ?? [],
        }).ToList();
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public string Part { get; set; } = "{}";
        public bool Published { get; set; }
        public long CreatedUtc { get; set; }
        public long ModifiedUtc { get; set; }
        public long? PublishedUtc { get; set; }
    }

    private sealed class ResourceRow
    {
        public string Id { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public long Position { get; set; }
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string UrlType { get; set; } = "";
        public string? Url { get; set; }
        public string Format { get; set; } = "";
        public string MediaType { get; set; } = "";
        public long? Size { get; set; }
        public string? Sha256 { get; set; }
        public long LastModifiedUtc { get; set; }
        public long CreatedUtc { get; set; }
        public string? DataStoreTable { get; set; }
        public long? DataStoreRows { get; set; }
        public string? DataStoreError { get; set; }

        public ResourceRecord ToRecord() => new()
        {
            Id = Id, DatasetId = DatasetId, Position = (int)Position, Name = Name, Description = Description, UrlType = UrlType, Url = Url,
            Format = Format, MediaType = MediaType, Size = Size, Sha256 = Sha256, LastModifiedUtc = UnixTime.FromMs(LastModifiedUtc),
            CreatedUtc = UnixTime.FromMs(CreatedUtc), DataStoreActive = DataStoreTable is not null, DataStoreRows = DataStoreRows, DataStoreError = DataStoreError,
        };
    }
}
