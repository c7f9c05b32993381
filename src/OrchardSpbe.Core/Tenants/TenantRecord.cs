namespace OrchardSpbe.Tenants;

public enum TenantState { Uninitialized, Initializing, Running, Disabled }

/// <summary>A tenant as the host stores it: one PD site, or the city portal (the Default tenant).</summary>
public sealed record TenantRecord
{
    public const string DefaultName = "default";

    /// <summary>Technical name: lower-case letters, digits and hyphens ("dinkes"); names the store and the folder.</summary>
    public required string Name { get; init; }

    /// <summary>The PD's name as people read it ("Dinas Kesehatan").</summary>
    public required string DisplayName { get; init; }

    /// <summary>PD category shown on the portal (Dinas, Badan, Kecamatan, …).</summary>
    public string? Category { get; init; }

    /// <summary>Host names, canonical form ("dinkes.bekasikota.go.id"); the www. form is implied.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Optional first path segment ("dinkes" for bekasikota.go.id/dinkes).</summary>
    public string? UrlPrefix { get; init; }

    public TenantState State { get; init; } = TenantState.Uninitialized;
    public required string DatabaseProvider { get; init; }

    /// <summary>The tenant's store: a SQLite file relative to App_Data, or a PostgreSQL schema.</summary>
    public required string DatabaseLocation { get; init; }

    public required string RecipeName { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
    public DateTimeOffset ModifiedUtc { get; init; }

    public bool IsDefault => Name == DefaultName;
}
