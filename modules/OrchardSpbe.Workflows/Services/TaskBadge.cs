using System.Security.Claims;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>The number of open tasks for the signed-in user's roles, beside "Tugas saya" in the admin menu.</summary>
public sealed class TaskBadge(WorkflowTaskStore tasks, IStringLocalizer<Strings> T) : IAdminMenuBadge
{
    public const string MenuUrl = "/admin/tasks";

    public string Url => MenuUrl;

    public async Task<AdminMenuBadgeValue?> GetAsync(ClaimsPrincipal user)
    {
        var open = (int)await tasks.OpenCountAsync(UserRoles.Of(user));
        return new AdminMenuBadgeValue(open, T["{0} tugas menunggu", open]);
    }
}
