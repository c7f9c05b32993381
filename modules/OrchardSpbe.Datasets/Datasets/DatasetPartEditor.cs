using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content.Editing;
using OrchardSpbe.Data;
using OrchardSpbe.Reference;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>The dataset's metadata form; refuses names, lists and codes the city does not know.</summary>
public sealed class DatasetPartEditor : IContentEditor
{
    public string Name => DatasetPart.Name;

    public string View => "~/Areas/Datasets/Views/Shared/Editors/DatasetPart.cshtml";

    public Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context)
    {
        var registry = context.Services.GetRequiredService<TenantRegistry>();
        var self = context.Services.GetRequiredService<TenantContext>().Name;
        return Task.FromResult<IReadOnlyList<EditorOption>>(registry.All
            .Where(t => !t.IsDefault && t.Name != self).OrderBy(t => t.DisplayName)
            .Select(t => new EditorOption(t.Name, t.DisplayName)).ToList());
    }

    public async Task UpdateAsync(EditorContext context)
    {
        var T = context.T;
        var part = new DatasetPart
        {
            Slug = (context.Value("Slug") ?? "").ToLowerInvariant(),
            Description = context.Value("Description") ?? "",
            DataGroup = context.Value("DataGroup") ?? "",
            Tags = Split(context.Value("Tags")),
            LicenseId = context.Value("LicenseId") ?? "",
            Classification = context.Value("Classification") ?? "",
            SharedWith = context.Values("SharedWith").Distinct().ToList(),
            UpdateFrequency = context.Value("UpdateFrequency") ?? "",
            TemporalStart = Optional(context.Value("TemporalStart")),
            TemporalEnd = Optional(context.Value("TemporalEnd")),
            SpatialCoverage = context.Value("SpatialCoverage") ?? AreaCodes.CityCode,
            ContactName = Optional(context.Value("ContactName")),
            ContactEmail = Optional(context.Value("ContactEmail")),
            Version = Optional(context.Value("Version")),
            RelatedIndicators = Split(context.Value("RelatedIndicators")).Select(c => c.ToUpperInvariant()).ToList(),
        };

        if (!IsSlug(part.Slug)) context.Error("Slug", T["Nama dataset 2–100 karakter: huruf kecil, angka, tanda hubung atau garis bawah."]);
        else if (await SlugTakenAsync(context, part.Slug)) context.Error("Slug", T["Nama {0} sudah dipakai dataset lain di situs ini.", part.Slug]);
        if (string.IsNullOrWhiteSpace(part.Description)) context.Error("Description", T["Deskripsi wajib diisi."]);
        else if (part.Description.Length > 10000) context.Error("Description", T["Paling banyak 10.000 karakter."]);
        if (DataGroups.Find(part.DataGroup) is null) context.Error("DataGroup", T["Pilih kelompok data."]);
        if (Licenses.Find(part.LicenseId) is null) context.Error("LicenseId", T["Pilih lisensi."]);
        if (Classifications.All.All(c => c.Code != part.Classification)) context.Error("Classification", T["Pilih klasifikasi."]);
        var registry = context.Services.GetRequiredService<TenantRegistry>();
        if (part.SharedWith.Any(name => registry.Find(name) is not { IsDefault: false }))
            context.Error("SharedWith", T["Pilih perangkat daerah dari daftar."]);
        if (part.Classification != Classifications.Terbatas) part.SharedWith = [];
        if (UpdateFrequencies.All.All(f => f.Code != part.UpdateFrequency)) context.Error("UpdateFrequency", T["Pilih frekuensi pemutakhiran."]);
        if (!AreaCodes.IsKnown(part.SpatialCoverage)) context.Error("SpatialCoverage", T["Pilih cakupan wilayah."]);
        if (part.TemporalStart is { } start && !IsDate(start)) context.Error("TemporalStart", T["Tulis tahun (2020) atau tanggal (2020-01-31)."]);
        if (part.TemporalEnd is { } end && !IsDate(end)) context.Error("TemporalEnd", T["Tulis tahun (2020) atau tanggal (2020-01-31)."]);
        if (part.ContactEmail is { } email && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
            context.Error("ContactEmail", T["Alamat surel tidak sah."]);
        foreach (var (key, value) in new[] { ("ContactName", part.ContactName), ("Version", part.Version) })
            if (value is { Length: > 200 }) context.Error(key, T["Paling banyak 200 karakter."]);
        if (part.Tags.Count > 20 || part.Tags.Any(t => t.Length > 50)) context.Error("Tags", T["Paling banyak 20 tag, masing-masing 50 karakter."]);
        if (part.RelatedIndicators.Count > 20 || part.RelatedIndicators.Any(c => c.Length > 40))
            context.Error("RelatedIndicators", T["Paling banyak 20 kode indikator, masing-masing 40 karakter."]);
        context.Item.Apply(DatasetPart.Name, part);
    }

    public static bool IsSlug(string slug) =>
        slug.Length is >= 2 and <= 100 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    private static bool IsDate(string value) =>
        (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1800 and < 2200)
        || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static async Task<bool> SlugTakenAsync(EditorContext context, string slug) =>
        await context.Services.GetRequiredService<TenantSession>().ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM ds_datasets WHERE name = @slug AND content_item_id <> @id", new { slug, id = context.Item.ContentItemId }) > 0;

    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
