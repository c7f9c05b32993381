using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Admin;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;
using OrchardSpbe.Workflows.ViewModels;

namespace OrchardSpbe.Workflows.Controllers;

/// <summary>
/// Workflow definitions in the admin: the list, one definition's graph, versions and JSON editor, export, and a
/// manual start. A save is checked like a recipe import (nothing stored when refused) and becomes a new version;
/// running instances stay on theirs.
/// </summary>
[Area("Workflows")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ViewWorkflows")]
[Route("admin/workflows")]
public sealed class WorkflowDefinitionsController(
    WorkflowDefinitionStore store,
    DefinitionSaver saver,
    WorkflowTriggers triggers,
    WorkflowAdminQueries queries,
    ActivityLibrary library,
    PermissionHandler permissions,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    /// <summary>A definition's JSON is small; a megabyte is far beyond any real one.</summary>
    private const int MaxJsonLength = 1024 * 1024;

    private string? UserName => User.Identity?.Name;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new DefinitionListViewModel
    {
        Definitions = await store.LatestRowsAsync(),
        Running = await queries.RunningCountsAsync(),
        CanManage = await CanManageAsync(),
    });

    [HttpGet("create")]
    [RequirePermission("ManageWorkflows")]
    public IActionResult Create() => View(new DefinitionForm { Json = StarterTemplate });

    [HttpPost("create")]
    [RequirePermission("ManageWorkflows")]
    [RequestSizeLimit(2 * MaxJsonLength)]
    public async Task<IActionResult> Create(DefinitionForm form)
    {
        form.ExpectedVersion = 0;
        var (definition, error) = Parse(form.Json);
        if (definition is not null && await store.LatestAsync(definition.Id) is not null)
            error = T["Alur kerja dengan id '{0}' sudah ada; ubah dari halamannya atau pilih id lain.", definition.Id];
        if (error is not null) return View(WithErrors(form, [error]));
        var (result, shapeError) = await SaveAsync(definition!, 0);
        if (shapeError is not null) return View(WithErrors(form, [shapeError]));
        if (result.Stale) return View(WithErrors(form, [T["Alur kerja dengan id '{0}' sudah ada; ubah dari halamannya atau pilih id lain.", definition!.Id]]));
        if (!result.Succeeded) return View(WithErrors(form, result.Errors));
        await audit.RecordAsync("workflow.definition.created", "workflow-definition:" + definition!.Id, $"{definition.Name} v{result.Version}", UserName);
        TempData["Message"] = T["Alur kerja '{0}' dibuat (versi {1}).", definition.Name, result.Version!].Value;
        return RedirectToAction(nameof(Show), new { id = definition.Id });
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id)
    {
        var definition = await store.LatestAsync(id);
        if (definition is null) return NotFound();
        return View(await DefinitionPageAsync(definition,
            new DefinitionForm { Json = definition.ToJsonString(indented: true), ExpectedVersion = definition.Version }));
    }

    [HttpPost("{id}")]
    [RequirePermission("ManageWorkflows")]
    [RequestSizeLimit(2 * MaxJsonLength)]
    public async Task<IActionResult> Save(string id, DefinitionForm form)
    {
        var latest = await store.LatestAsync(id);
        if (latest is null) return NotFound();
        var (definition, error) = Parse(form.Json);
        if (definition is not null && definition.Id != id)
            error = T["Id alur kerja tidak dapat diubah di sini ('{0}'); buat alur kerja baru untuk id lain.", id];
        if (error is not null) return View(nameof(Show), await DefinitionPageAsync(latest, WithErrors(form, [error])));
        if (form.ExpectedVersion != latest.Version) return await StaleAsync(latest, form);

        var (result, shapeError) = await SaveAsync(definition!, form.ExpectedVersion);
        if (shapeError is not null) return View(nameof(Show), await DefinitionPageAsync(latest, WithErrors(form, [shapeError])));
        if (result.Stale) return await StaleAsync((await store.LatestAsync(id))!, form);
        if (!result.Succeeded) return View(nameof(Show), await DefinitionPageAsync(latest, WithErrors(form, result.Errors)));
        if (result.Version == latest.Version)
        {
            TempData["Message"] = T["Tidak ada perubahan; alur kerja tetap versi {0}.", latest.Version].Value;
            return RedirectToAction(nameof(Show), new { id });
        }
        await audit.RecordAsync("workflow.definition.saved", "workflow-definition:" + id, $"{definition!.Name} v{result.Version}", UserName);
        TempData["Message"] = T["Alur kerja '{0}' disimpan sebagai versi {1}; instans yang sedang berjalan tetap pada versinya.", definition!.Name, result.Version!].Value;
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id}/versions/{version:int}")]
    public async Task<IActionResult> Version(string id, int version)
    {
        var versions = await store.VersionsAsync(id);
        var row = versions.FirstOrDefault(v => v.Version == version);
        if (row is null) return NotFound();
        var definition = row.ToDefinition();
        return View(new DefinitionVersionViewModel
        {
            Definition = definition, Row = row, Graph = GraphOf(definition), LatestVersion = (int)versions[0].Version,
        });
    }

    /// <summary>The definition as JSON, as a recipe's <c>workflows</c> step takes it.</summary>
    [HttpGet("{id}/export")]
    public async Task<IActionResult> Export(string id, int? version)
    {
        var definition = version is { } v ? await store.GetAsync(id, v) : await store.LatestAsync(id);
        if (definition is null) return NotFound();
        return File(Encoding.UTF8.GetBytes(definition.ToJsonString(indented: true)), "application/json",
            $"{definition.Id}-v{definition.Version}.json");
    }

    [HttpPost("{id}/start")]
    [RequirePermission("ManageWorkflows")]
    public async Task<IActionResult> Start(string id)
    {
        var definition = await store.LatestAsync(id);
        if (definition is null) return NotFound();
        var instance = await triggers.StartManuallyAsync(definition, UserName);
        if (instance is null)
        {
            TempData["Error"] = T["Alur kerja ini tidak punya aktivitas 'Mulai manual'."].Value;
            return RedirectToAction(nameof(Show), new { id });
        }
        await audit.RecordAsync("workflow.started", "workflow:" + instance.Id, $"{definition.Id} v{definition.Version}", UserName);
        TempData["Message"] = T["Instans baru '{0}' dimulai.", definition.Name].Value;
        return RedirectToAction(nameof(WorkflowInstancesController.Show), "WorkflowInstances", new { id = instance.Id });
    }

    /// <summary>
    /// Saves through the same checks as a recipe import. A setting of the wrong JSON kind (a number where a role
    /// name belongs) surfaces while the activities are checked, before anything is written.
    /// </summary>
    private async Task<(SaveResult Result, string? ShapeError)> SaveAsync(WorkflowDefinition definition, int expectedVersion)
    {
        try
        {
            return (await saver.SaveAsync(definition, UserName, expectedVersion), null);
        }
        catch (InvalidOperationException e) when (e.Source == "System.Text.Json")
        {
            return (new SaveResult(null, [], false), T["Definisi tidak sah: sebuah nilai bukan dari jenis yang diharapkan ({0}).", e.Message]);
        }
    }

    private async Task<IActionResult> StaleAsync(WorkflowDefinition latest, DefinitionForm form)
    {
        // The typed JSON stays; saving again applies it on top of the newer version.
        var kept = WithErrors(form, [T[CommonText.StaleEdit]]);
        kept.ExpectedVersion = latest.Version;
        ModelState.Remove(nameof(DefinitionForm.ExpectedVersion));
        return View(nameof(Show), await DefinitionPageAsync(latest, kept));
    }

    private async Task<DefinitionViewModel> DefinitionPageAsync(WorkflowDefinition definition, DefinitionForm form)
    {
        var canManage = await CanManageAsync();
        return new DefinitionViewModel
        {
            Definition = definition,
            Graph = GraphOf(definition),
            Versions = await store.VersionsAsync(definition.Id),
            Running = (await queries.RunningCountsAsync()).GetValueOrDefault(definition.Id),
            CanManage = canManage,
            CanStart = canManage && definition.Activities.Any(a => a.Start && a.Type == ManualStart.TypeName),
            Form = form,
        };
    }

    private GraphViewModel GraphOf(WorkflowDefinition definition) => new()
    {
        Graph = DefinitionGraph.Layout(definition, library),
        Title = T["Diagram alur kerja '{0}' versi {1}", definition.Name, definition.Version],
        Id = $"graph-{definition.Id}-{definition.Version}",
    };

    private DefinitionForm WithErrors(DefinitionForm form, IReadOnlyList<string> errors)
    {
        form.Errors = errors;
        // What was typed is shown again as typed, not as the model binder last saw it.
        ModelState.Remove(nameof(DefinitionForm.Json));
        return form;
    }

    /// <summary>The typed JSON as a definition, or a message saying where the JSON is broken.</summary>
    private (WorkflowDefinition? Definition, string? Error) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return (null, T["Tuliskan definisi alur kerja dalam JSON."]);
        if (json.Length > MaxJsonLength) return (null, T["Definisi terlalu besar (paling banyak 1 MB)."]);
        try
        {
            if (JsonNode.Parse(json) is not JsonObject root) return (null, T["Definisi harus berupa satu objek JSON (diawali { dan diakhiri })."]);
            return (WorkflowDefinition.FromJson(root), null);
        }
        catch (JsonException e)
        {
            return (null, T["JSON tidak sah di baris {0}, posisi {1}: periksa koma, tanda kutip dan kurung.", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1]);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // A value of the wrong kind where a text is expected (e.g. a number in "roles").
            return (null, T["Definisi tidak sah: sebuah nilai bukan dari jenis yang diharapkan ({0}).", e.Message]);
        }
    }

    private Task<bool> CanManageAsync() => permissions.HasPermissionAsync(User, Permissions.ManageWorkflows.Name);

    private const string StarterTemplate = """
        {
          "id": "alur-baru",
          "name": "Alur baru",
          "enabled": true,
          "activities": [
            { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
            { "id": "tinjau", "type": "UserTask", "title": "Tinjau",
              "actions": [ { "name": "setujui", "label": "Setujui", "roles": ["Administrator"], "primary": true } ] }
          ],
          "transitions": [
            { "from": "mulai", "outcome": "Done", "to": "tinjau" }
          ]
        }
        """;
}
