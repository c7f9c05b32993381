using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Contents.ViewModels;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Contents.Controllers;

/// <summary>A tenant administrator's content types: create simple types from parts, add and remove fields.</summary>
[Area("Contents")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageContentTypes")]
[Route("admin/content-types")]
public sealed class ContentTypesController(
    ContentDefinitionStore definitions,
    ContentTypeRules rules,
    TenantSession session,
    TenantContext tenant,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await definitions.GetAsync());

    [HttpGet("create")]
    public IActionResult Create() => View(new ContentTypeCreateModel { Parts = [ContentParts.Title, ContentParts.Autoroute, ContentParts.Body] });

    [HttpPost("create")]
    public async Task<IActionResult> Create(ContentTypeCreateModel model)
    {
        var current = await definitions.LoadAsync();
        var type = new ContentTypeDefinition
        {
            Name = model.Name?.Trim() ?? "", DisplayName = model.DisplayName?.Trim() ?? "", Description = model.Description,
            Parts = model.Parts.Distinct().Select(p => new PartDefinition { Name = p }).ToList(),
        };
        foreach (var (key, message) in rules.Validate(type)) ModelState.AddModelError(key, message);
        if (current.Types.Any(t => string.Equals(t.Name, type.Name, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError(nameof(model.Name), T["Tipe '{0}' sudah ada.", type.Name]);
        if (!ModelState.IsValid) return View(model);
        if (!await SaveAsync(type, current.Version, "content-type.created")) return StaleView(model);
        TempData["Message"] = T["Tipe konten '{0}' dibuat.", type.DisplayName].Value;
        return RedirectToAction(nameof(Edit), new { name = type.Name });
    }

    [HttpGet("{name}")]
    public async Task<IActionResult> Edit([FromRoute] string name)
    {
        var current = await definitions.LoadAsync();
        var type = current.Types.FirstOrDefault(t => t.Name == name);
        return type is null ? NotFound() : View(new ContentTypeEditModel { Type = type, Version = current.Version, KnownFieldTypes = rules.KnownFieldTypes });
    }

    [HttpPost("{name}/fields")]
    public async Task<IActionResult> AddField([FromRoute] string name, [Bind(Prefix = "NewField")] ContentFieldAddModel field, int version)
    {
        var current = await definitions.LoadAsync();
        var type = current.Types.FirstOrDefault(t => t.Name == name);
        if (type is null) return NotFound();
        var added = new FieldDefinition
        {
            Name = field.Name?.Trim() ?? "", DisplayName = field.DisplayName?.Trim() ?? "", Type = field.Type ?? "",
            Required = field.Required, Hint = string.IsNullOrWhiteSpace(field.Hint) ? null : field.Hint.Trim(),
        };
        var updated = type with { Fields = [.. type.Fields, added] };
        var errors = rules.Validate(updated);
        var index = updated.Fields.Count - 1;
        foreach (var (key, message) in errors)
            ModelState.AddModelError(key.Replace($"Fields[{index}].", "NewField.").Replace("Fields", "NewField.Name"), message);
        if (!ModelState.IsValid || version != current.Version)
        {
            if (version != current.Version) ModelState.AddModelError("", T[CommonText.StaleEdit]);
            return View(nameof(Edit), new ContentTypeEditModel { Type = type, Version = current.Version, KnownFieldTypes = rules.KnownFieldTypes, NewField = field });
        }
        if (!await SaveAsync(updated, version, "content-type.field-added")) return RedirectToAction(nameof(Edit), new { name });
        TempData["Message"] = T["Isian '{0}' ditambahkan.", added.DisplayName].Value;
        return RedirectToAction(nameof(Edit), new { name });
    }

    [HttpPost("{name}/fields/{field}/delete")]
    public async Task<IActionResult> RemoveField([FromRoute] string name, [FromRoute] string field, int version)
    {
        var current = await definitions.LoadAsync();
        var type = current.Types.FirstOrDefault(t => t.Name == name);
        if (type is null) return NotFound();
        // Items keep the field's stored values; they simply stop being edited and shown.
        var updated = type with { Fields = type.Fields.Where(f => f.Name != field).ToList() };
        if (version != current.Version || !await SaveAsync(updated, version, "content-type.field-removed"))
            TempData["Error"] = T[CommonText.StaleEdit].Value;
        else TempData["Message"] = T["Isian '{0}' dihapus dari tipe.", field].Value;
        return RedirectToAction(nameof(Edit), new { name });
    }

    private async Task<bool> SaveAsync(ContentTypeDefinition type, int version, string action)
    {
        await using (var transaction = await session.BeginTransactionAsync())
        {
            if (!await definitions.SaveTypeAsync(type, version)) return false;
            await audit.RecordAsync(action, "content-type:" + type.Name, type.DisplayName);
            await transaction.CommitAsync();
        }
        // Other nodes' shells cache the definitions.
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        return true;
    }

    private IActionResult StaleView(ContentTypeCreateModel model)
    {
        ModelState.AddModelError("", T[CommonText.StaleEdit]);
        return View(nameof(Create), model);
    }
}
