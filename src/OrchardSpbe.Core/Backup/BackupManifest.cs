using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrchardSpbe.Backup;

/// <summary>
/// What a backup holds, written last as <c>manifest.json</c> in its folder: the format, the tenant as the host knew it,
/// each feature's schema version, each table with its columns, row count and identity position, and every file with
/// its size and SHA-256 (of the bytes stored, and of the original). The same format for SQLite and PostgreSQL: rows
/// are stored by value, not as a database file, so a backup restores onto either.
/// </summary>
public sealed record BackupManifest
{
    public const string Product = "OrchardSpbe";
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    [JsonPropertyName("product")] public string? ProductName { get; init; }
    public int FormatVersion { get; init; }
    public BackupKind Kind { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
    public string? SourceProvider { get; init; }
    public BackupEncryption? Encryption { get; init; }

    /// <summary>A tenant backup: the tenant.</summary>
    public BackupTenant? Tenant { get; init; }

    /// <summary>A tenant backup: feature id → migration version (spbe_migrations).</summary>
    public Dictionary<string, int> Features { get; init; } = [];
    public List<BackupTable> Tables { get; init; } = [];
    public List<BackupFile> Files { get; init; } = [];

    /// <summary>A platform backup: the tenants, each a tenant backup in <c>tenants/&lt;name&gt;/</c>.</summary>
    public List<string> Tenants { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

public enum BackupKind { Tenant, Platform }

public sealed record BackupTenant(string Name, string DisplayName, string? Category, IReadOnlyList<string> Hosts, string? UrlPrefix,
    string State, string RecipeName, DateTimeOffset CreatedUtc);

/// <param name="Name">The table's name in the tenant's store (or <see cref="TableDump.CatalogTable"/> for the portal catalog's rows of the tenant).</param>
/// <param name="Identity">The last value handed out by the table's identity column, so ids are never reused after a restore.</param>
public sealed record BackupTable(string Name, string File, long Rows, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> PrimaryKey,
    BackupIdentity? Identity);

/// <param name="Type">Neutral type: integer, real, numeric, boolean, text or blob.</param>
public sealed record BackupColumn(string Name, string Type, bool Nullable);

public sealed record BackupIdentity(string Column, long LastValue);

/// <param name="Path">Relative to the backup folder, with '/' separators.</param>
/// <param name="Sha256">Of the bytes stored in the backup (compressed, encrypted), checked before anything is read.</param>
/// <param name="ContentSha256">Of the original content (a table's rows stream, a media file's bytes), checked as it is restored.</param>
/// <param name="Target">A tenant file: where it goes, relative to the tenant's folder (a media path may hold any character; the
/// stored name never does).</param>
public sealed record BackupFile(string Path, long Size, string Sha256, string ContentSha256, string? Target = null);

/// <param name="KeyId">The first bytes of the key's SHA-256: tells "another key" apart from "corrupt".</param>
public sealed record BackupEncryption(string Algorithm, string KeyId);
