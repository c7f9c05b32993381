namespace OrchardSpbe.Settings;

/// <summary>A site's identity and contact details, shown in its theme (the PD's name, logo and contact).</summary>
public sealed record SiteSettings
{
    public const string DocumentId = "site-settings";

    public string SiteName { get; init; } = "";
    public string? Tagline { get; init; }

    /// <summary>File name of the uploaded logo in the tenant's folder; served at /media/site/logo.</summary>
    public string? LogoFile { get; init; }

    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? Facebook { get; init; }
    public string? Instagram { get; init; }
    public string? X { get; init; }
    public string? YouTube { get; init; }

    /// <summary>The theme's main colour, #rrggbb.</summary>
    public string PrimaryColor { get; init; } = "#0b5394";
}
