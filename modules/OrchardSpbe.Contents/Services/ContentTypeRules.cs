using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Editors;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Contents.Services;

/// <summary>What makes a content type definition valid — the same rules for the admin screens and for recipes.</summary>
public sealed partial class ContentTypeRules(IEnumerable<IContentEditor> editors, IStringLocalizer<Strings> T)
{
    /// <summary>Parts a type may be made of: the framework's, plus any a module adds an editor for.</summary>
    public IReadOnlyList<string> KnownParts => ContentParts.All.Union(editors.Select(e => e.Name).Where(n => n.EndsWith("Part"))).ToList();

    public IReadOnlyList<string> KnownFieldTypes => ContentFieldTypes.All;

    /// <summary>Errors keyed by the offending member ("Name", "Parts", "Fields[2].Type"); empty when valid.</summary>
    public Dictionary<string, string> Validate(ContentTypeDefinition type)
    {
        var errors = new Dictionary<string, string>();
        if (!TechnicalName().IsMatch(type.Name ?? ""))
            errors["Name"] = T["Nama teknis tipe harus 2–40 huruf atau angka, diawali huruf kapital (misalnya Pengumuman)."];
        if (string.IsNullOrWhiteSpace(type.DisplayName) || type.DisplayName.Length > 100)
            errors["DisplayName"] = T["Nama tampilan tipe wajib diisi (paling banyak 100 karakter)."];
        foreach (var part in type.Parts.Where(p => !KnownParts.Contains(p.Name)))
            errors.TryAdd("Parts", T["Bagian '{0}' tidak dikenal.", part.Name]);
        if (type.Parts.GroupBy(p => p.Name).Any(g => g.Count() > 1)) errors.TryAdd("Parts", T["Setiap bagian hanya boleh dipasang sekali."]);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            if (!TechnicalName().IsMatch(field.Name ?? ""))
                errors.TryAdd($"Fields[{i}].Name", T["Nama teknis isian harus 2–40 huruf atau angka, diawali huruf kapital (misalnya Sumber)."]);
            if (string.IsNullOrWhiteSpace(field.DisplayName) || field.DisplayName.Length > 100)
                errors.TryAdd($"Fields[{i}].DisplayName", T["Label isian wajib diisi (paling banyak 100 karakter)."]);
            if (!KnownFieldTypes.Contains(field.Type))
                errors.TryAdd($"Fields[{i}].Type", T["Jenis isian '{0}' tidak dikenal.", field.Type]);
        }
        if (type.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            errors.TryAdd("Fields", T["Nama isian harus unik dalam satu tipe."]);
        return errors;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{1,39}$")]
    private static partial Regex TechnicalName();
}
