using System.Diagnostics;
using Microsoft.Data.Sqlite;
using static OrchardSpbe.Bench.PreparedSqlite;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 14's register, written straight into the portal's SQLite file (one transaction, prepared statements — no HTTP
/// posts, no recipes): registered applications spread over the PDs, each in the city register and the public catalogue
/// (nine in ten public), most calling one to three other applications' APIs; network devices with non-overlapping /28
/// ranges; and the semester reports of two PDs in three, so the compliance board has every state.
/// </summary>
public static class ApplicationsSeeder
{
    public static readonly string[] Topics =
    [
        "kepegawaian", "perizinan", "kesehatan", "pajak", "pendidikan", "kependudukan", "arsip", "keuangan", "aset", "pengaduan",
        "perpustakaan", "pariwisata", "perhubungan", "parkir", "sampah", "bansos", "posyandu", "vaksinasi", "ketenagakerjaan", "koperasi",
    ];

    private static readonly string[] Classes = ["umum-besar", "umum-kecil", "khusus"];
    private static readonly string[] Lifecycles = ["perencanaan", "pengembangan", "uji-coba", "produksi", "produksi", "produksi", "dihentikan"];

    public sealed record Seeded(int Applications, int Public, int Calls, int Devices, int Reports, TimeSpan Elapsed);

    public static string NumberOf(int i) => $"SPBE-APL-2026-{i + 1:D4}";

    public static Seeded Seed(string appData, IReadOnlyList<string> pds, int applications, int devices, string semester)
    {
        var clock = Stopwatch.StartNew();
        var db = Path.Combine(appData, "Sites", "default", "site.db");
        if (!File.Exists(db)) throw new FileNotFoundException("The portal's database", db);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var random = new Random(20261127);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int publicCount = 0, calls = 0;

        using var publicRow = Command(connection, transaction, """
            INSERT INTO app_public (tenant, id, registration_number, name, description, users, app_class, lifecycle, url, stack, licence, repository,
                apis_provided, apis_consumed, datasets, is_public, registered_utc)
            VALUES ($tenant, $id, $number, $name, $description, '', $class, $lifecycle, $url, 'ASP.NET Core, PostgreSQL', 'MIT', NULL, $provided, $consumed, '', $public, $now)
            """, "$tenant", "$id", "$number", "$name", "$description", "$class", "$lifecycle", "$url", "$provided", "$consumed", "$public", "$now");
        using var registerRow = Command(connection, transaction, """
            INSERT INTO app_register (tenant, kind, id, name, url_key, state, registration_number, security_level, payload, submitted_by, submitted_utc,
                received_utc, decided_by, decided_utc)
            VALUES ($tenant, $kind, $id, $name, $url, 'terdaftar', $number, 'sedang', '{}', 'admin', $now, $now, 'admin', $now)
            """, "$tenant", "$kind", "$id", "$name", "$url", "$number", "$now");
        for (var i = 0; i < applications; i++)
        {
            var pd = pds[i % pds.Count];
            var topic = Topics[random.Next(Topics.Length)];
            var name = $"Sistem Informasi {Capitalise(topic)} {i + 1}";
            var url = $"https://app{i + 1}.{pd}.bekasikota.go.id";
            // Three in four call one to three APIs of earlier applications (by registration number); one in fifty an unregistered one.
            var consumed = new List<string>();
            if (i > 0 && random.Next(4) > 0)
                for (var c = random.Next(1, 4); c > 0; c--) consumed.Add($"{NumberOf(random.Next(i))} api-{Topics[random.Next(Topics.Length)]}");
            if (random.Next(50) == 0) consumed.Add("SPBE-APL-1999-9999 api-lama");
            calls += consumed.Count;
            var isPublic = random.Next(10) > 0;
            if (isPublic) publicCount++;
            Run(publicRow, pd, $"app{i + 1:D5}", NumberOf(i), name, $"Layanan {topic} untuk warga Kota Bekasi, dikelola {pd}.",
                Classes[random.Next(Classes.Length)], Lifecycles[random.Next(Lifecycles.Length)], url, $"api-{topic}", string.Join("\n", consumed), isPublic ? 1 : 0, now);
            Run(registerRow, pd, "aplikasi", $"app{i + 1:D5}", name, url, NumberOf(i), now);
        }

        using var rangeRow = Command(connection, transaction, """
            INSERT INTO app_register_ranges (tenant, device_id, cidr, ip_start, ip_end) VALUES ($tenant, $id, $cidr, $start, $end)
            """, "$tenant", "$id", "$cidr", "$start", "$end");
        for (var i = 0; i < devices; i++)
        {
            var pd = pds[i % pds.Count];
            var start = (10L << 24) + 16L * i; // 10.0.0.0/28, 10.0.0.16/28, …: never overlapping (001 Pasal 9(3))
            var cidr = $"{start >> 24}.{(start >> 16) & 255}.{(start >> 8) & 255}.{start & 255}/28";
            Run(registerRow, pd, "perangkat", $"dev{i + 1:D5}", $"MikroTik CCR{i % 9 + 1}", null, $"SPBE-PRT-2026-{i + 1:D5}", now);
            Run(rangeRow, pd, $"dev{i + 1:D5}", cidr, start, start + 15);
        }

        using var reportRow = Command(connection, transaction, """
            INSERT INTO app_inbound_reports (tenant, semester, applications, devices, content, incidents, changes, submitted_by, submitted_utc, received_utc)
            VALUES ($tenant, $semester, $apps, $devices, '[]', 'Tidak ada insiden.', '', 'admin', $now, $now)
            """, "$tenant", "$semester", "$apps", "$devices", "$now");
        var reports = 0;
        for (var p = 0; p < pds.Count; p++)
        {
            if (p % 3 == 2) continue;
            Run(reportRow, pds[p], semester, applications / pds.Count, devices / pds.Count, now);
            reports++;
        }
        transaction.Commit();
        return new Seeded(applications, publicCount, calls, devices, reports, clock.Elapsed);
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
