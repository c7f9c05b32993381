using System.Security.Claims;

namespace OrchardSpbe.Modules;

/// <summary>
/// A number beside an admin menu entry for the signed-in user (unread notifications, open tasks). Asked on
/// every admin page, and only when its entry is shown, so it must be one cheap indexed query.
/// </summary>
public interface IAdminMenuBadge
{
    /// <summary>The <see cref="AdminMenuItem.Url"/> of the entry it stands beside.</summary>
    string Url { get; }

    /// <summary>The number and, for screen readers, what it counts ("3 belum dibaca"); null or 0 shows nothing.</summary>
    Task<AdminMenuBadgeValue?> GetAsync(ClaimsPrincipal user);
}

public sealed record AdminMenuBadgeValue(int Count, string Description);
