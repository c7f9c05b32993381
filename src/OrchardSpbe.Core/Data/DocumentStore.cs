using System.Text.Json;

namespace OrchardSpbe.Data;

/// <summary>
/// Small JSON documents keyed by id in the tenant's store (site settings and the like), with an
/// optimistic version: a save against a stale version is refused and changes nothing.
/// </summary>
public sealed class DocumentStore(TenantSession session)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(T? Document, int Version)> GetAsync<T>(string id) where T : class
    {
        var row = await session.QuerySingleOrDefaultAsync<DocumentRow>(
            "SELECT content AS Content, version AS Version FROM spbe_documents WHERE id = @id", new { id });
        return row is null ? (null, 0) : (JsonSerializer.Deserialize<T>(row.Content, Json), (int)row.Version);
    }

    /// <summary>Saves the document if it is still at <paramref name="expectedVersion"/>; returns false when someone saved first.</summary>
    public async Task<bool> SaveAsync<T>(string id, T document, int expectedVersion) where T : class
    {
        var content = JsonSerializer.Serialize(document, Json);
        if (expectedVersion == 0)
        {
            var existing = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spbe_documents WHERE id = @id", new { id });
            if (existing > 0) return false;
            await session.ExecuteAsync("INSERT INTO spbe_documents (id, content, version) VALUES (@id, @content, 1)", new { id, content });
            return true;
        }
        var updated = await session.ExecuteAsync(
            "UPDATE spbe_documents SET content = @content, version = version + 1 WHERE id = @id AND version = @expectedVersion",
            new { id, content, expectedVersion });
        return updated == 1;
    }

    private sealed class DocumentRow
    {
        public string Content { get; set; } = "";
        public long Version { get; set; }
    }
}
