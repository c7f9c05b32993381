using System.Security.Claims;
using OrchardSpbe.Content;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Contents.Services;

/// <summary>
/// May this user edit, publish or delete this item? "Own" permissions cover items the user owns. When the
/// item's type goes through review (an approval process moderates it), publishing directly also needs
/// ForcePublishContent; everyone else submits the item for review instead.
/// </summary>
public sealed class ContentAuthorizer(PermissionHandler permissions, IEnumerable<IContentReview> reviews, TenantContext tenant)
{
    /// <summary>The approval process, when a module offers one and its feature is on for this tenant.</summary>
    public IContentReview? Review { get; } =
        reviews.FirstOrDefault(r => r.FeatureId is null || tenant.Shell.IsFeatureEnabled(r.FeatureId));

    public async Task<bool> IsModeratedAsync(string contentType) => Review is not null && await Review.IsModeratedAsync(contentType);

    /// <summary>May publish without review: the publish right, and on a moderated type the force-publish right too.</summary>
    public async Task<bool> CanPublishDirectlyAsync(ClaimsPrincipal user, ContentItem item) =>
        await CanPublishAsync(user, item) && (!await IsModeratedAsync(item.ContentType) || await HasAsync(user, Permissions.ForcePublishContent));

    public Task<bool> CanEditAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.EditContent, Permissions.EditOwnContent);
    public Task<bool> CanPublishAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.PublishContent, Permissions.PublishOwnContent);
    public Task<bool> CanDeleteAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.DeleteContent, Permissions.DeleteOwnContent);

    /// <summary>May the user create items at all (they will own them)?</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user) =>
        await HasAsync(user, Permissions.EditContent) || await HasAsync(user, Permissions.EditOwnContent);

    public Task<bool> HasAsync(ClaimsPrincipal user, Permission permission) => permissions.HasPermissionAsync(user, permission.Name);

    private async Task<bool> CheckAsync(ClaimsPrincipal user, ContentItem item, Permission any, Permission own) =>
        await HasAsync(user, any) || (item.Owner is not null && item.Owner == user.Identity?.Name && await HasAsync(user, own));
}
