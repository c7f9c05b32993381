using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Content;

/// <summary>
/// The tenant's content types, kept as one document (read once per shell, then from the shell's cache).
/// Saving is optimistic: a save against a stale version is refused and changes nothing.
/// </summary>
public sealed class ContentDefinitionStore(DocumentStore documents, TenantContext tenant)
{
    public const string DocumentId = "content-definitions";
    private const string CacheKey = "content-definitions";

    public async Task<ContentDefinitions> GetAsync() =>
        await tenant.Shell.GetOrAddAsync(CacheKey, LoadAsync);

    public async Task<ContentTypeDefinition?> FindAsync(string name) =>
        (await GetAsync()).Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public async Task<ContentDefinitions> LoadAsync()
    {
        var (document, version) = await documents.GetAsync<ContentDefinitionsDocument>(DocumentId);
        return new ContentDefinitions(document?.Types ?? [], version);
    }

    /// <summary>Adds or replaces one type; false when someone else saved the definitions first.</summary>
    public async Task<bool> SaveTypeAsync(ContentTypeDefinition type, int expectedVersion)
    {
        var current = await LoadAsync();
        if (current.Version != expectedVersion) return false;
        var types = current.Types.Where(t => t.Name != type.Name).Append(type).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return await SaveAsync(types, expectedVersion);
    }

    public async Task<bool> RemoveTypeAsync(string name, int expectedVersion)
    {
        var current = await LoadAsync();
        if (current.Version != expectedVersion) return false;
        return await SaveAsync(current.Types.Where(t => t.Name != name).ToList(), expectedVersion);
    }

    private async Task<bool> SaveAsync(List<ContentTypeDefinition> types, int expectedVersion)
    {
        if (!await documents.SaveAsync(DocumentId, new ContentDefinitionsDocument { Types = types }, expectedVersion)) return false;
        // Later reads in this request (a recipe's next step) see the new types; other nodes reload on ShellChanged.
        tenant.Shell.Set(CacheKey, new ContentDefinitions(types, expectedVersion + 1));
        return true;
    }

    private sealed class ContentDefinitionsDocument
    {
        public List<ContentTypeDefinition> Types { get; set; } = [];
    }
}

public sealed record ContentDefinitions(IReadOnlyList<ContentTypeDefinition> Types, int Version);
