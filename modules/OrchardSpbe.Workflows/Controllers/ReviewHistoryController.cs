using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;
using OrchardSpbe.Workflows.ViewModels;

namespace OrchardSpbe.Workflows.Controllers;

/// <summary>
/// An item's review story — one row per human act (submitted, sent back with a note, resubmitted, approved), with
/// display names, WIB times and comments — for those who may see workflows and for the people who may edit the item.
/// Administrators also get every technical step behind "detail".
/// </summary>
[Area("Workflows")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
[Route("admin/workflows/items")]
public sealed class ReviewHistoryController(
    ContentManager contents,
    WorkflowInstanceStore instances,
    ReviewStory stories,
    PeopleNames names,
    PermissionHandler permissions) : Controller
{
    [HttpGet("{contentItemId}")]
    public async Task<IActionResult> Index(string contentItemId)
    {
        var item = await contents.GetAsync(contentItemId);
        if (item is null) return NotFound();
        if (!await MaySeeAsync(item)) return Forbid();
        var history = await instances.HistoryForItemAsync(contentItemId);
        var byId = new Dictionary<string, WorkflowInstance>();
        foreach (var id in history.Select(h => h.InstanceId).Distinct())
            if (await instances.GetAsync(id) is { } instance) byId[id] = instance;
        var acts = await stories.ActsAsync(byId.Values, history);
        // Technical steps (every activity the engine ran) are for administrators, behind "detail".
        var showSteps = await HasAsync(Permissions.ViewWorkflows.Name);
        await names.OfManyAsync(acts.Select(a => a.Actor).Concat(showSteps ? history.Select(h => h.Actor) : []));
        return View(new ReviewHistoryViewModel { Item = item, Acts = acts, History = showSteps ? history : [], Instances = byId, Names = names });
    }

    /// <summary>Content permissions are named, not referenced: this module knows the framework, not the Contents module.</summary>
    private async Task<bool> MaySeeAsync(ContentItem item) =>
        await HasAsync(Permissions.ViewWorkflows.Name) || await HasAsync("EditContent")
        || (item.Owner == User.Identity?.Name && await HasAsync("EditOwnContent"));

    private Task<bool> HasAsync(string permission) => permissions.HasPermissionAsync(User, permission);
}
