using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrchardSpbe.Catalog;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Reference;
using static OrchardSpbe.Bench.PreparedSqlite;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 11's catalogue, written straight into the SQLite files of the seeded App_Data (prepared statements, one
/// transaction a file — no HTTP, no content items), as a publication would have left it: in each PD's file the
/// published <i>terbuka</i> datasets in <c>ds_datasets</c> with one to three link resources in <c>ds_resources</c>, a row
/// per dataset in its <c>search_changes</c> log (what the portal's cross-PD index reads) and its catalog outbox already
/// flushed (its sequence advanced, the rows gone); in the host's file the portal catalog's entries (kind "dataset", the
/// whole <see cref="DatasetRecord"/> as <see cref="DatasetCatalog.RefreshAsync"/> serialises it, seq = the outbox row).
/// Kelompok data, formats, licences and tags vary so every facet has many values.
/// </summary>
public static class DatasetsSeeder
{
    public static readonly string[] Topics =
    [
        "kasus demam berdarah", "jumlah penduduk", "pencari kerja", "partisipasi sekolah", "timbulan sampah", "jalan kondisi baik", "posyandu aktif",
        "kunjungan wisatawan", "kelahiran bayi", "kematian ibu", "gizi buruk balita", "imunisasi dasar", "kebakaran bangunan", "kejadian banjir",
        "izin usaha", "pendapatan asli daerah", "realisasi belanja", "pegawai negeri sipil", "koperasi aktif", "pelaku umkm", "harga beras",
        "produksi ikan", "ruang terbuka hijau", "pengunjung perpustakaan", "akta kelahiran", "keluarga berencana", "kekerasan anak",
        "bantuan sosial", "uji kendaraan", "penumpang angkutan", "kualitas udara", "air bersih", "rumah tidak layak huni", "atlet berprestasi",
        "cagar budaya", "pengaduan masyarakat", "lansia terlayani", "vaksinasi anak", "tuberkulosis", "stunting",
    ];

    public static readonly string[] Tags =
    [
        "kesehatan", "pendidikan", "kependudukan", "ekonomi", "lingkungan", "infrastruktur", "sosial", "anak", "perempuan", "lansia", "kecamatan",
        "kelurahan", "tahunan", "bulanan", "anggaran", "pajak", "umkm", "pangan", "transportasi", "bencana", "air", "sampah", "wisata", "budaya",
        "olahraga", "perizinan", "pegawai", "penyakit", "gizi", "sekolah", "guru", "pasar", "harga", "industri", "tenaga-kerja", "kemiskinan",
        "bansos", "posyandu", "puskesmas", "rumah-sakit", "jalan", "drainase", "taman", "udara", "banjir", "kebakaran", "keamanan", "arsip",
        "perpustakaan", "statistik",
    ];

    private static readonly (string Format, string MediaType, string Extension)[] Formats =
    [
        ("CSV", "text/csv", ".csv"), ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
        ("JSON", "application/json", ".json"), ("XML", "application/xml", ".xml"), ("PDF", "application/pdf", ".pdf"),
        ("ODS", "application/vnd.oasis.opendocument.spreadsheet", ".ods"),
    ];

    private static readonly string[] Frequencies = ["harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "tidak-tentu"];

    public sealed record Seeded(int Datasets, int Resources, int Pds, TimeSpan Elapsed);

    public static Seeded Seed(string appData, IReadOnlyList<PdSite> pds, int datasets)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261127);
        var now = DateTimeOffset.UtcNow;
        var entries = new List<(string Tenant, string Id, long Seq, string Title, string Summary, string Path, long Published, string Data)>(datasets);
        var resources = 0;
        for (var p = 0; p < pds.Count; p++)
        {
            var pd = pds[p];
            var share = datasets / pds.Count + (p < datasets % pds.Count ? 1 : 0);
            using var connection = Open(Path.Combine(appData, "Sites", pd.Name, "site.db"));
            using var transaction = connection.BeginTransaction();
            using var dataset = Command(connection, transaction, """
                INSERT INTO ds_datasets (content_item_id, name, title, data_group, classification, license_id, tags, part, published, created_utc, modified_utc, published_utc)
                VALUES ($id, $name, $title, $group, 'terbuka', $license, $tags, $part, 1, $created, $modified, $modified)
                """, "$id", "$name", "$title", "$group", "$license", "$tags", "$part", "$created", "$modified");
            using var resource = Command(connection, transaction, """
                INSERT INTO ds_resources (id, dataset_id, position, name, description, url_type, url, file_path, format, media_type, size, sha256, last_modified_utc, created_utc)
                VALUES ($id, $dataset, $position, $name, NULL, '', $url, NULL, $format, $media, $size, $sha, $modified, $created)
                """, "$id", "$dataset", "$position", "$name", "$url", "$format", "$media", "$size", "$sha", "$modified", "$created");
            using var searchLog = Command(connection, transaction, "INSERT INTO search_changes (item_id, created_utc) VALUES ($item, $now)", "$item", "$now");
            using var outbox = Command(connection, transaction,
                "INSERT INTO spbe_catalog_outbox (kind, source_id, entry, created_utc) VALUES ('dataset', $id, NULL, $now); SELECT last_insert_rowid()", "$id", "$now");
            for (var i = 0; i < share; i++)
            {
                var topic = Topics[random.Next(Topics.Length)];
                var year = 2015 + random.Next(11);
                var title = $"{Capitalise(topic)} {year} menurut kecamatan ({pd.DisplayName}, seri {i + 1})";
                var name = $"{topic.Replace(' ', '-')}-{year}-{i + 1}";
                var id = Guid.NewGuid().ToString("N")[..26];
                var created = now.AddDays(-random.Next(30, 1500)).AddMinutes(random.Next(1440));
                var modified = created.AddDays(random.Next(0, 30));
                var part = new DatasetPart
                {
                    Slug = name,
                    Description = $"Data {topic} tahun {year} yang dihimpun {pd.DisplayName} dari laporan unit layanan menurut kecamatan dan kelurahan di Kota Bekasi.",
                    DataGroup = DataGroups.All[random.Next(DataGroups.All.Count)].Code,
                    Tags = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct().ToList(),
                    LicenseId = Licenses.All[random.Next(Licenses.All.Count)].Id,
                    UpdateFrequency = Frequencies[random.Next(Frequencies.Length)],
                    TemporalStart = year.ToString(), TemporalEnd = $"{year}-12-31",
                    ContactName = "Seksi Data " + pd.DisplayName, ContactEmail = $"data@{pd.Name}.bekasikota.go.id",
                };
                var links = new List<ResourceRecord>();
                for (var r = random.Next(1, 4) - 1; r >= 0; r--)
                {
                    var format = Formats[random.Next(Formats.Length)];
                    links.Add(new ResourceRecord
                    {
                        Id = Guid.NewGuid().ToString("D"), DatasetId = id, Position = links.Count, Name = $"Tabel {topic} {year} bagian {links.Count + 1}",
                        UrlType = ResourceKinds.Link, Url = $"https://data.{pd.Name}.bekasikota.go.id/berkas/{name}-{links.Count + 1}{format.Extension}",
                        Format = format.Format, MediaType = format.MediaType, Size = random.Next(2_000, 5_000_000),
                        Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                        LastModifiedUtc = modified, CreatedUtc = created,
                    });
                }
                var partJson = JsonSerializer.Serialize(part);
                Run(dataset, id, name, title, part.DataGroup, part.LicenseId, JsonSerializer.Serialize(part.Tags), partJson, created.ToUnixTimeMilliseconds(), modified.ToUnixTimeMilliseconds());
                foreach (var link in links)
                    Run(resource, link.Id, id, link.Position, link.Name, link.Url, link.Format, link.MediaType, link.Size, link.Sha256,
                        modified.ToUnixTimeMilliseconds(), created.ToUnixTimeMilliseconds());
                resources += links.Count;
                Run(searchLog, "dataset/" + id, modified.ToUnixTimeMilliseconds());
                for (var k = 0; k < 2; k++) outbox.Parameters[k].Value = k == 0 ? id : modified.ToUnixTimeMilliseconds();
                var seq = (long)outbox.ExecuteScalar()!;
                var record = new DatasetRecord
                {
                    Id = id, Name = name, Title = title, Organization = pd.Name, OrganizationTitle = pd.DisplayName, Part = part,
                    CreatedUtc = created, ModifiedUtc = modified, PublishedUtc = modified, Resources = links,
                };
                var summary = part.Description.Length <= 240 ? part.Description : part.Description[..240] + "…";
                entries.Add((pd.Name, id, seq, title, summary, "data/" + name, modified.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(record)));
            }
            // The publisher deletes what it copied; the sequence stays, so the PD's next change outranks these.
            using (var flushed = Command(connection, transaction, "DELETE FROM spbe_catalog_outbox WHERE kind = 'dataset'")) flushed.ExecuteNonQuery();
            transaction.Commit();
        }

        using (var host = Open(Path.Combine(appData, "host.db")))
        using (var transaction = host.BeginTransaction())
        {
            using var entry = Command(host, transaction, """
                INSERT INTO catalog_entries (tenant, kind, source_id, seq, removed, title, summary, path, image_path, published_utc, start_utc, end_utc, place, data)
                VALUES ($tenant, $kind, $id, $seq, 0, $title, $summary, $path, NULL, $published, NULL, NULL, NULL, $data)
                """, "$tenant", "$kind", "$id", "$seq", "$title", "$summary", "$path", "$published", "$data");
            foreach (var e in entries) Run(entry, e.Tenant, DatasetCatalog.Kind, e.Id, e.Seq, e.Title, e.Summary, e.Path, e.Published, e.Data);
            transaction.Commit();
        }
        SqliteConnection.ClearAllPools();
        return new Seeded(entries.Count, resources, pds.Count, clock.Elapsed);
    }

    /// <summary>Published public datasets in the PDs' own files: what the catalogue must count.</summary>
    public static long PublishedPublic(string appData, IEnumerable<string> pds)
    {
        long total = 0;
        foreach (var pd in pds)
        {
            using var connection = Open(Path.Combine(appData, "Sites", pd, "site.db"), readOnly: true);
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM ds_datasets WHERE published = 1 AND classification = 'terbuka'";
            total += (long)count.ExecuteScalar()!;
        }
        return total;
    }

    /// <summary>A CSV of <paramref name="rows"/> rows: year, month, kecamatan, kelurahan, sex, age group, count, rate.</summary>
    public static byte[] LargeCsv(int rows)
    {
        string[] kecamatan = ["Bekasi Timur", "Bekasi Barat", "Bekasi Utara", "Bekasi Selatan", "Rawalumbu", "Medan Satria", "Bantar Gebang",
            "Pondok Gede", "Jatiasih", "Jatisampurna", "Mustika Jaya", "Pondok Melati"];
        var csv = new StringBuilder(rows * 64);
        csv.Append("tahun,bulan,kecamatan,kelurahan,jenis_kelamin,kelompok_umur,jumlah,rasio\n");
        var random = new Random(11);
        for (var i = 0; i < rows; i++)
        {
            var k = i % kecamatan.Length;
            csv.Append(2015 + i / 12 % 10).Append(',').Append(i % 12 + 1).Append(',').Append(kecamatan[k]).Append(',')
               .Append("Kelurahan ").Append(k + 1).Append('-').Append(i / 7 % 5 + 1).Append(',').Append(i % 2 == 0 ? "L" : "P").Append(',')
               .Append(i / 3 % 16 * 5).Append('-').Append(i / 3 % 16 * 5 + 4).Append(',').Append(random.Next(0, 5000)).Append(',')
               .Append((random.Next(0, 100_000) / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static SqliteConnection Open(string file, bool readOnly = false)
    {
        if (!File.Exists(file)) throw new FileNotFoundException("A site's database", file);
        var connection = new SqliteConnection($"Data Source={file};Pooling=False{(readOnly ? ";Mode=ReadOnly" : "")}");
        connection.Open();
        return connection;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
