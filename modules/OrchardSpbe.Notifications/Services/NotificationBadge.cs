using System.Security.Claims;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Notifications.Services;

/// <summary>The signed-in user's unread count beside "Notifikasi" in the admin menu.</summary>
public sealed class NotificationBadge(NotificationStore notifications, IStringLocalizer<Strings> T) : IAdminMenuBadge
{
    public const string MenuUrl = "/admin/notifications";

    public string Url => MenuUrl;

    public async Task<AdminMenuBadgeValue?> GetAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.Name is not { } name) return null;
        var unread = (int)await notifications.UnreadCountAsync(name);
        return new AdminMenuBadgeValue(unread, T["{0} belum dibaca", unread]);
    }
}
