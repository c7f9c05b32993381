using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.Sharing;
using OrchardSpbe.Datasets.ViewModels;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Controllers;

/// <summary>
/// Data sharing between PDs (003 Pasal 10(1), 19(2)a): a PD's data officers ask another PD for a dataset (purpose,
/// period), the walidata's officers approve or refuse with a reason, both see the request's history; the portal shows
/// Diskominfostandi the refusals made without an accepted reason.
/// </summary>
[Area("Datasets")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageDatasets")]
public sealed class DataSharingController(
    ShareRequests requests, DatasetDirectory directory, TenantRegistry registry, TenantContext tenant, IStringLocalizer<Strings> T) : Controller
{
    private const int MaxPurpose = 2000;

    [HttpGet("admin/permintaan-data")]
    public async Task<IActionResult> Index() => View(await ModelAsync(new ShareRequestForm()));

    [HttpPost("admin/permintaan-data")]
    public async Task<IActionResult> Create(ShareRequestForm form)
    {
        var walidata = registry.Find(form.Walidata?.Trim() ?? "");
        if (walidata is not { State: TenantState.Running } || walidata.IsDefault || walidata.Name == tenant.Name)
            ModelState.AddModelError(nameof(form.Walidata), T["Pilih perangkat daerah walidata yang lain."]);
        var name = form.Dataset?.Trim().ToLowerInvariant() ?? "";
        if (name.Length is 0 or > 100 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            ModelState.AddModelError(nameof(form.Dataset), T["Tulis nama dataset seperti pada alamatnya (huruf kecil, angka, - dan _)."]);
        if (string.IsNullOrWhiteSpace(form.Purpose) || form.Purpose.Trim().Length > MaxPurpose)
            ModelState.AddModelError(nameof(form.Purpose), T["Tujuan penggunaan wajib diisi (paling banyak {0} karakter).", MaxPurpose]);
        var start = ParseDate(form.Start);
        var end = ParseDate(form.End);
        var today = DateOnly.FromDateTime(WibTime.ToWib(requests.Now).DateTime);
        if (start is null) ModelState.AddModelError(nameof(form.Start), T["Tanggal mulai tidak valid."]);
        if (end is null) ModelState.AddModelError(nameof(form.End), T["Tanggal selesai tidak valid."]);
        else if (start is not null && (end < start || end < today || end > start.Value.AddYears(1)))
            ModelState.AddModelError(nameof(form.End), T["Tanggal selesai harus sesudah tanggal mulai dan hari ini, paling lama satu tahun."]);
        if (!ModelState.IsValid) return View("Index", await ModelAsync(form));

        var request = await requests.RequestAsync(walidata!.Name, name, form.Purpose!.Trim(), start!.Value, end!.Value, User.Identity!.Name!);
        TempData["Message"] = T["Permintaan dikirim ke {0}.", walidata.DisplayName].Value;
        return Redirect($"/admin/permintaan-data/{request.Id}");
    }

    [HttpGet("admin/permintaan-data/{id}")]
    public async Task<IActionResult> Show(string id) =>
        await requests.FindAsync(id) is { } request ? View(await DetailAsync(request, new ShareDecisionForm())) : NotFound();

    [HttpPost("admin/permintaan-data/{id}/putuskan")]
    public async Task<IActionResult> Decide(string id, ShareDecisionForm form)
    {
        if (await requests.FindAsync(id) is not { Direction: ShareRequest.Incoming } request) return NotFound();
        if (request.State != ShareRequest.Waiting)
        {
            ModelState.AddModelError("", T["Permintaan ini sudah diputuskan."]);
            return View("Show", await DetailAsync(request, form));
        }
        var approve = form.Decision == "setujui";
        var found = await directory.FindAsync(request.DatasetName);
        if (approve && found is not { Published: true })
            ModelState.AddModelError("", T["Dataset ini tidak ada atau belum diterbitkan; tolak dengan alasan yang sesuai."]);
        else if (approve && found!.Value.Dataset.Part.Classification != Classifications.Terbatas)
            ModelState.AddModelError("", found.Value.Dataset.IsPublic
                ? T["Dataset ini terbuka untuk umum: siapa pun dapat memakainya tanpa izin."]
                : T["Dataset yang dikecualikan tidak dapat dibagikan (003 Pasal 15(4))."]);
        if (!approve && form.Decision != "tolak") ModelState.AddModelError(nameof(form.Decision), T["Pilih setujui atau tolak."]);
        if (!approve && RefusalReasons.All.All(r => r.Code != form.Reason))
            ModelState.AddModelError(nameof(form.Reason), T["Pilih alasan penolakan."]);
        if (!approve && form.Reason == RefusalReasons.Other && string.IsNullOrWhiteSpace(form.ReasonText))
            ModelState.AddModelError(nameof(form.ReasonText), T["Tuliskan alasannya."]);
        if (form.ReasonText?.Length > MaxPurpose) ModelState.AddModelError(nameof(form.ReasonText), T["Alasan paling banyak {0} karakter.", MaxPurpose]);
        if (!ModelState.IsValid) return View("Show", await DetailAsync(request, form));

        await requests.DecideAsync(request, approve, approve ? null : form.Reason, approve ? null : form.ReasonText?.Trim(), found?.Dataset, User.Identity!.Name!);
        TempData["Message"] = approve ? T["Akses diberikan sampai {0}.", request.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value : T["Permintaan ditolak."].Value;
        return Redirect($"/admin/permintaan-data/{id}");
    }

    /// <summary>003 Pasal 19(2)a: refusals without an accepted reason, for Diskominfostandi.</summary>
    [PortalOnly]
    [HttpGet("admin/penolakan-data")]
    public async Task<IActionResult> Refusals() => View(await requests.FlagsAsync());

    private async Task<ShareRequestsViewModel> ModelAsync(ShareRequestForm form) => new(
        await requests.ListAsync(ShareRequest.Outgoing), await requests.ListAsync(ShareRequest.Incoming), form,
        registry.All.Where(t => t.State == TenantState.Running && !t.IsDefault && t.Name != tenant.Name).OrderBy(t => t.DisplayName).ToList(), requests.Now);

    private async Task<ShareRequestDetailViewModel> DetailAsync(ShareRequest request, ShareDecisionForm form) =>
        new(request, await requests.HistoryAsync(request.Id), form, requests.Now,
            registry.Find(request.Walidata) is { } walidata ? walidata : null);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
