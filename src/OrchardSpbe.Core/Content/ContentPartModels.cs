namespace OrchardSpbe.Content;

// The parts' stored shapes. Times are UTC; the UI shows and reads them in the city's time zone (WIB).

public sealed class TitlePart
{
    public string Title { get; set; } = "";
}

public sealed class BodyPart
{
    /// <summary>Sanitised HTML, ready to show.</summary>
    public string Html { get; set; } = "";

    /// <summary>The Markdown the editor wrote, when the type edits Markdown; <see cref="Html"/> is rendered from it.</summary>
    public string? Markdown { get; set; }
}

public sealed class AutoroutePart
{
    /// <summary>The public address below the site root, without a leading slash: "berita/posyandu-balita".</summary>
    public string Path { get; set; } = "";
}

public sealed class PublishLaterPart
{
    public DateTimeOffset? ScheduledPublishUtc { get; set; }
    public DateTimeOffset? ScheduledUnpublishUtc { get; set; }
}

public sealed class ContainedPart
{
    public string ListContentItemId { get; set; } = "";
}

public sealed class SeoPart
{
    public string? MetaDescription { get; set; }

    /// <summary>Media path of the image shown when the page is shared.</summary>
    public string? SocialImage { get; set; }
}

public sealed class MediaPart
{
    /// <summary>Media library paths; the first is the item's main image.</summary>
    public List<string> Paths { get; set; } = [];
    public string? AltText { get; set; }
}

public sealed class EventPart
{
    public DateTimeOffset? StartUtc { get; set; }
    public DateTimeOffset? EndUtc { get; set; }
    public string? Place { get; set; }
}

public sealed class TaxonomyPart
{
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

public sealed class TaxonomyTerm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}
