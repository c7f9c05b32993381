namespace OrchardSpbe.Modules;

/// <summary>An entry of the admin menu a module contributes; shown when its feature is on and the user holds the permission.</summary>
public sealed record AdminMenuItem
{
    /// <summary>Indonesian text (the localisation key).</summary>
    public required string Text { get; init; }
    public required string Url { get; init; }
    public required string FeatureId { get; init; }
    public string? Permission { get; init; }
    public int Order { get; init; } = 100;

    /// <summary>Where the entry shows: on every site, on the city portal only, or on PD sites only.</summary>
    public AdminMenuSites Sites { get; init; } = AdminMenuSites.All;
}

public enum AdminMenuSites { All, Portal, PdSites }
