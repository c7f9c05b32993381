using OrchardSpbe.Audit;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Editors;
using OrchardSpbe.Contents.Services;

namespace OrchardSpbe.Contents.ViewModels;

public sealed class ContentListViewModel
{
    public required ContentPage Page { get; init; }
    public required IReadOnlyList<ContentTypeDefinition> Types { get; init; }
    public required IReadOnlyList<ContentTypeDefinition> CreatableTypes { get; init; }

    /// <summary>The bulk actions ("publish", "unpublish", "delete") this user may take; none: no bulk form.</summary>
    public IReadOnlyList<string> BulkActions { get; init; } = [];
    public string? Type { get; init; }
    public string Status { get; init; } = "";
    public string? Owner { get; init; }
    public string? Q { get; init; }

    /// <summary>The review state filtered by, the states in use, and each listed item's state label.</summary>
    public string? Review { get; init; }
    public IReadOnlyList<(string State, string Label)> ReviewStates { get; init; } = [];
    public IReadOnlyDictionary<string, string> ReviewLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Items whose latest version is also the published one (the rest are drafts).</summary>
    public required IReadOnlySet<string> PublishedIds { get; init; }

    public string TypeName(string name) => Types.FirstOrDefault(t => t.Name == name)?.DisplayName ?? name;
}

public sealed class ContentEditViewModel
{
    public required ContentItem Item { get; init; }
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<(IContentEditor Editor, EditorContext Context)> Editors { get; init; }
    public bool IsNew { get; init; }
    /// <summary>May publish without review (on a moderated type: the force-publish right).</summary>
    public bool CanPublish { get; init; }
    public bool CanUnpublish { get; init; }
    public bool CanDelete { get; init; }

    /// <summary>The type goes through review: authors submit instead of publishing.</summary>
    public bool IsModerated { get; init; }
    public ContentReviewView? Review { get; init; }
    public bool HasPublishedVersion { get; init; }
    public string? PublicUrl { get; init; }
    public string? FormError { get; init; }
}

public sealed class ContentHistoryViewModel
{
    public required ContentItem Latest { get; init; }
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<ContentItem> Versions { get; init; }
    public required IReadOnlyList<AuditEntry> Trail { get; init; }
    public bool CanEdit { get; init; }
}

public sealed class ContentDiffViewModel
{
    public required ContentItem Latest { get; init; }
    public required ContentItem From { get; init; }
    public required ContentItem To { get; init; }
    public required IReadOnlyList<VersionDiff.Line> Lines { get; init; }
}

/// <summary>A version under review: its public look, and its changes against the public version (null when none is public).</summary>
public sealed class VersionReviewViewModel
{
    public required DisplayViewModel Display { get; init; }
    public ContentItem? Published { get; init; }
    public IReadOnlyList<VersionDiff.Line>? Changes { get; init; }
}
