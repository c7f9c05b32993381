using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.Resources;
using OrchardSpbe.Recipes;
using OrchardSpbe.Reference;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Recipes;

/// <summary>
/// { "name": "datasets-samples", "tenants": ["dinkes", …] } — on the portal, after the sample PDs exist: gives each
/// listed PD a few published datasets with a CSV resource loaded into its DataStore, labelled "data contoh" (not
/// official figures). Values come from a fixed seed.
/// </summary>
public sealed class SampleDatasetsStep(ShellHost shells, TenantScopeFactory scopes) : IRecipeStep
{
    public const string Label = "data contoh";

    public string Name => "datasets-samples";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (!context.Services.GetRequiredService<TenantContext>().IsDefault) throw context.Fail("name", "Langkah 'datasets-samples' hanya dapat dijalankan di portal kota.");
        foreach (var name in (context.Step["tenants"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>())
        {
            if (shells.Find(name) is not { } shell || !shell.IsFeatureEnabled(Manifest.FeatureId)) continue;
            await using var scope = scopes.CreateScope(shell);
            var services = scope.ServiceProvider;
            var session = services.GetRequiredService<TenantSession>();
            await using var transaction = await session.BeginTransactionAsync();
            var contents = services.GetRequiredService<ContentManager>();
            foreach (var (title, part, csv) in For(name))
            {
                var item = (await contents.NewAsync(DatasetPart.ContentType))!;
                item.Apply("TitlePart", new TitlePart { Title = title });
                item.DisplayText = title;
                item.Apply(DatasetPart.Name, part);
                await contents.CreateAsync(item, publish: true, "admin");
                var bytes = Encoding.UTF8.GetBytes(csv);
                var file = new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", part.Slug + ".csv");
                var (_, error) = await services.GetRequiredService<ResourceService>().AddAsync(item.ContentItemId,
                    new ResourceInput("Tabel " + title, Label, file, null, null), "admin");
                if (error is not null) throw context.Fail("tenants", error.Message);
            }
            await transaction.CommitAsync();
        }
    }

    private static IEnumerable<(string Title, DatasetPart Part, string Csv)> For(string tenant) => tenant switch
    {
        "dinkes" => [("Kasus demam berdarah dengue per kecamatan [data contoh]", Relating("DBD-KASUS", Part("kasus-dbd-per-kecamatan", "kesehatan", "bulanan",
            "DATA CONTOH, bukan data resmi. Jumlah kasus DBD yang tercatat di puskesmas dan rumah sakit menurut kecamatan dan bulan.", "dbd", "penyakit menular")),
            Table("bulan,kecamatan,kode_wilayah,kasus", 11, (month, area, random) => $"2025-{month:D2},{area.Name},{area.Code},{random.Next(0, 40)}"))],
        "disdik" => [("Jumlah sekolah dasar per kecamatan [data contoh]", Part("jumlah-sekolah-dasar", "pendidikan", "tahunan",
            "DATA CONTOH, bukan data resmi. Jumlah SD negeri dan swasta menurut kecamatan.", "sekolah", "sd"),
            Table("tahun,kecamatan,kode_wilayah,negeri,swasta", 12, (month, area, random) => month == 1 ? $"2025,{area.Name},{area.Code},{random.Next(20, 60)},{random.Next(10, 50)}" : null))],
        "disdukcapil" => [("Jumlah penduduk per kecamatan [data contoh]", Part("jumlah-penduduk-per-kecamatan", "kependudukan", "semesteran",
            "DATA CONTOH, bukan data resmi. Jumlah penduduk menurut kecamatan dan jenis kelamin.", "penduduk"),
            Table("tahun,kecamatan,kode_wilayah,laki_laki,perempuan", 13, (month, area, random) => month == 1 ? $"2025,{area.Name},{area.Code},{random.Next(90_000, 160_000)},{random.Next(90_000, 160_000)}" : null))],
        "disnaker" => [("Pencari kerja terdaftar per kecamatan [data contoh]", Part("pencari-kerja-terdaftar", "ketenagakerjaan", "bulanan",
            "DATA CONTOH, bukan data resmi. Jumlah pencari kerja yang mendaftar kartu AK/I menurut kecamatan dan bulan.", "pencari kerja"),
            Table("bulan,kecamatan,kode_wilayah,pencari_kerja", 14, (month, area, random) => $"2025-{month:D2},{area.Name},{area.Code},{random.Next(50, 400)}"))],
        _ => [],
    };

    private static DatasetPart Part(string slug, string group, string frequency, string description, params string[] tags) => new()
    {
        Slug = slug, DataGroup = group, UpdateFrequency = frequency, Description = description, Tags = [.. tags, Label],
        LicenseId = Licenses.CityOpen, Classification = Classifications.Terbuka, TemporalStart = "2025", TemporalEnd = "2025",
        SpatialCoverage = AreaCodes.CityCode, Version = "1.0",
    };

    private static DatasetPart Relating(string indicator, DatasetPart part)
    {
        part.RelatedIndicators = [indicator];
        return part;
    }

    private static string Table(string header, int seed, Func<int, Area, Random, string?> row)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(header).Append('\n');
        for (var month = 1; month <= 12; month++)
            foreach (var area in AreaCodes.Kecamatan)
                if (row(month, area, random) is { } line) csv.Append(line).Append('\n');
        return csv.ToString();
    }
}
