namespace OrchardSpbe.Catalog;

/// <summary>
/// What a PD publishes for the city portal to gather: one row per published thing (news, agenda,
/// later statistics, datasets, applications), copied into the host store so the portal reads every PD
/// with one query instead of opening 120 tenant databases.
/// </summary>
public sealed record CatalogEntry
{
    public string Tenant { get; init; } = "";

    /// <summary>"news", "agenda", … — the module that feeds it decides.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The thing's id in its tenant (a content item id).</summary>
    public string SourceId { get; init; } = "";

    public string Title { get; init; } = "";
    public string? Summary { get; init; }

    /// <summary>Address on the PD's site, relative to its root: "berita/posyandu-balita".</summary>
    public string Path { get; init; } = "";

    /// <summary>Media path of its image on the PD's site, if any.</summary>
    public string? ImagePath { get; init; }

    public DateTimeOffset PublishedUtc { get; init; }
    public DateTimeOffset? StartUtc { get; init; }
    public DateTimeOffset? EndUtc { get; init; }
    public string? Place { get; init; }

    /// <summary>Extra JSON a kind needs (e.g. a statistic's period and value).</summary>
    public string? Data { get; init; }
}

public static class CatalogKinds
{
    public const string News = "news";
    public const string Agenda = "agenda";
}
