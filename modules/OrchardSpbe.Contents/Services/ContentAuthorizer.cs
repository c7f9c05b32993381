using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OrchardSpbe.Content;
using OrchardSpbe.Security;

namespace OrchardSpbe.Contents.Services;

/// <summary>May this user edit, publish or delete this item? "Own" permissions cover items the user owns.</summary>
public sealed class ContentAuthorizer(IAuthorizationService authorization)
{
    public Task<bool> CanEditAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.EditContent, Permissions.EditOwnContent);
    public Task<bool> CanPublishAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.PublishContent, Permissions.PublishOwnContent);
    public Task<bool> CanDeleteAsync(ClaimsPrincipal user, ContentItem item) => CheckAsync(user, item, Permissions.DeleteContent, Permissions.DeleteOwnContent);

    /// <summary>May the user create items at all (they will own them)?</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user) =>
        await HasAsync(user, Permissions.EditContent) || await HasAsync(user, Permissions.EditOwnContent);

    public async Task<bool> HasAsync(ClaimsPrincipal user, Permission permission) =>
        (await authorization.AuthorizeAsync(user, RequirePermissionAttribute.PolicyPrefix + permission.Name)).Succeeded;

    private async Task<bool> CheckAsync(ClaimsPrincipal user, ContentItem item, Permission any, Permission own) =>
        await HasAsync(user, any) || (item.Owner is not null && item.Owner == user.Identity?.Name && await HasAsync(user, own));
}
