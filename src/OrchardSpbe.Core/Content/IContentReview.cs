using System.Security.Claims;

namespace OrchardSpbe.Content;

/// <summary>
/// An approval process over content (the Workflows module offers one). The content editor asks it whether a
/// type's publishing goes through review, and which review actions the signed-in user may take on an item.
/// </summary>
public interface IContentReview
{
    /// <summary>The feature that offers it: on tenants without that feature nothing is moderated (as with content handlers).</summary>
    string? FeatureId => null;

    /// <summary>True when publishing items of the type goes through review (submit instead of publish).</summary>
    Task<bool> IsModeratedAsync(string contentType);

    /// <summary>Where the item stands in review for this user: its state, the last decision's comment, the actions the user may take.</summary>
    Task<ContentReviewView?> GetAsync(ClaimsPrincipal user, ContentItem item);
}

/// <param name="StateLabel">"Menunggu persetujuan", "Dikembalikan", … (null when not in review).</param>
/// <param name="LastComment">The comment of the last decision (a rejection's reason), shown to the author.</param>
/// <param name="AwaitingDecision">A decision is pending (submitting again makes no sense until it is taken).</param>
/// <param name="HistoryUrl">The page with the review's full history.</param>
public sealed record ContentReviewView(
    string? StateLabel, string? LastComment, string? LastCommentBy, DateTimeOffset? LastCommentUtc,
    IReadOnlyList<ContentReviewAction> Actions, bool AwaitingDecision, string? HistoryUrl)
{
    /// <summary>The author resubmitted after the comment: it is shown as answered, not as current.</summary>
    public bool LastCommentAnswered { get; init; }

    /// <summary>How the last review ended ("Disetujui", "Pengajuan ditarik", …), by whom and when; null while one runs.</summary>
    public ContentReviewDecision? LastDecision { get; init; }

    /// <summary>The content version a pending decision is for (posted back with the decision).</summary>
    public string? DecisionVersionId { get; init; }
}

/// <param name="Label">A localisation key: "Disetujui", "Pengajuan ditarik karena konten diubah setelah diajukan", …</param>
public sealed record ContentReviewDecision(string Label, string? By, DateTimeOffset? AtUtc);

/// <summary>A button the editor shows: it posts to <see cref="PostUrl"/> (with an optional comment).</summary>
public sealed record ContentReviewAction(string Label, string PostUrl, bool RequiresComment, bool Primary);
