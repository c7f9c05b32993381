using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Admin;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;
using OrchardSpbe.Workflows.ViewModels;

namespace OrchardSpbe.Workflows.Controllers;

/// <summary>Workflow instances in the admin: the filtered list, one instance's path and history, and cancelling it.</summary>
[Area("Workflows")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ViewWorkflows")]
[Route("admin/workflows/instances")]
public sealed class WorkflowInstancesController(
    WorkflowInstanceStore instances,
    WorkflowDefinitionStore definitions,
    WorkflowExecutor executor,
    WorkflowAdminQueries queries,
    TaskDecisions decisions,
    ActivityLibrary library,
    TenantSession session,
    PermissionHandler permissions,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? definition, string? item, string? assignee, int page = 1)
    {
        var filter = new InstanceFilter(
            WorkflowStatus.All.Contains(status) ? status : null,
            string.IsNullOrWhiteSpace(definition) ? null : definition.Trim(),
            string.IsNullOrWhiteSpace(item) ? null : item.Trim(),
            string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim());
        page = Math.Max(1, page);
        var (list, total) = await queries.InstancesAsync(filter, page, PageSize);
        return View(new InstanceListViewModel
        {
            Instances = list, Total = total, Page = page, PageCount = Pager.PageCountOf(total, PageSize), Filter = filter,
            Definitions = await definitions.LatestRowsAsync(),
        });
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id)
    {
        var instance = await instances.GetAsync(id);
        if (instance is null) return NotFound();
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion);
        var history = await instances.HistoryAsync(id);
        var waiting = (await instances.WaitsOfAsync(id)).Select(w => w.ActivityId).ToHashSet();
        var tasks = await queries.TasksOfAsync(id);
        var open = new List<TaskView>();
        foreach (var task in tasks.Where(t => t.Status == WorkflowTask.Open)) open.Add(await decisions.ViewAsync(task, User));
        return View(new InstanceViewModel
        {
            Instance = instance,
            Definition = definition,
            Graph = definition is null ? null : new GraphViewModel
            {
                Graph = DefinitionGraph.Layout(definition, library),
                Title = T["Jalur instans pada '{0}' versi {1}", definition.Name, definition.Version],
                Id = "graph-instance",
                // A step that merely opened a wait has no outcome yet: it is waiting, not visited.
                Visited = history.Where(h => h.Outcome is not null).Select(h => h.ActivityId).ToHashSet(),
                Waiting = waiting,
            },
            History = history,
            OpenTasks = open,
            Tasks = tasks,
            CanManage = await permissions.HasPermissionAsync(User, Permissions.ManageWorkflows.Name),
        });
    }

    [HttpPost("{id}/cancel")]
    [RequirePermission("ManageWorkflows")]
    public async Task<IActionResult> Cancel(string id, string? reason)
    {
        var userName = User.Identity?.Name;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > 500) reason = reason[..500];
        await using (var transaction = await session.BeginTransactionAsync())
        {
            var instance = await instances.GetAsync(id);
            if (instance is null) return NotFound();
            if (instance.IsFinished)
            {
                TempData["Error"] = T["Instans ini sudah berakhir; tidak ada yang dibatalkan."].Value;
                return RedirectToAction(nameof(Show), new { id });
            }
            try
            {
                await executor.CancelAsync(instance, userName, "cancel", reason is null ? "Dibatalkan oleh administrator" : "Dibatalkan: " + reason);
            }
            catch (WorkflowConcurrencyException)
            {
                TempData["Error"] = T[CommonText.StaleEdit].Value;
                return RedirectToAction(nameof(Show), new { id });
            }
            await audit.RecordAsync("workflow.cancelled", "workflow:" + id,
                $"{instance.DefinitionId} v{instance.DefinitionVersion}" + (reason is null ? "" : ": " + reason), userName);
            await transaction.CommitAsync();
        }
        TempData["Message"] = T["Instans dibatalkan."].Value;
        return RedirectToAction(nameof(Show), new { id });
    }
}
