namespace OrchardSpbe.Modules;

/// <summary>A feature a module offers, declared in code (the module's Manifest).</summary>
public sealed record FeatureDescriptor
{
    public required string Id { get; init; }

    /// <summary>Name and description in Indonesian, as the admin shows them.</summary>
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Category { get; init; } = "Umum";
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Only the city portal (Default tenant) may enable it — e.g. tenant management.</summary>
    public bool DefaultTenantOnly { get; init; }

    /// <summary>Part of every tenant's core (sign-in, admin shell); cannot be disabled.</summary>
    public bool AlwaysEnabled { get; init; }
}
