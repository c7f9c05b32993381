namespace OrchardSpbe.Audit;

/// <summary>
/// The audit log's action codes as people read them (localisation keys, issue 16 §6): the dashboard and the audit page
/// say "Masuk ke admin", not <c>user.signed-in</c>. The code stays in the log and in the page's markup for tools.
/// </summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["user.signed-in"] = "Masuk ke admin",
        ["user.sign-in-failed"] = "Gagal masuk (kata sandi salah)",
        ["user.sign-in-refused"] = "Masuk ditolak (akun nonaktif)",
        ["user.brute-force"] = "Percobaan masuk berulang terdeteksi",
        ["user.created"] = "Pengguna ditambahkan",
        ["user.updated"] = "Pengguna diubah",
        ["user.deleted"] = "Pengguna dihapus",
        ["role.created"] = "Peran ditambahkan",
        ["role.updated"] = "Peran diubah",
        ["role.deleted"] = "Peran dihapus",
        ["content.created"] = "Konten dibuat",
        ["content.draft-saved"] = "Draf konten disimpan",
        ["content.submitted"] = "Konten diajukan untuk ditinjau",
        ["content.published"] = "Konten diterbitkan",
        ["content.unpublished"] = "Konten ditarik dari situs publik",
        ["content.removed"] = "Konten dihapus",
        ["content.force-published"] = "Konten diterbitkan tanpa persetujuan",
        ["media.uploaded"] = "Berkas media diunggah",
        ["media.deleted"] = "Berkas media dihapus",
        ["media.alt-text-updated"] = "Teks alternatif gambar diubah",
        ["media.settings-updated"] = "Pengaturan media diubah",
        ["menu.updated"] = "Menu situs diubah",
        ["recipe.applied"] = "Resep diterapkan",
        ["settings.updated"] = "Pengaturan situs diubah",
        ["search.rebuild"] = "Indeks pencarian dibangun ulang",
        ["search.repair"] = "Indeks pencarian diperbaiki",
        ["search.roots"] = "Cakupan pencarian diubah",
        ["tenant.created"] = "Situs perangkat daerah dibuat",
        ["tenant.updated"] = "Situs perangkat daerah diubah",
        ["tenant.disabled"] = "Situs perangkat daerah dinonaktifkan",
        ["tenant.enabled"] = "Situs perangkat daerah diaktifkan kembali",
        ["tenant.deleted"] = "Situs perangkat daerah dihapus",
        ["backup.created"] = "Cadangan dibuat",
        ["data-share.requested"] = "Permintaan data dikirim",
        ["data-share.approved"] = "Permintaan data disetujui",
        ["data-share.refused"] = "Permintaan data ditolak",
        ["dataset.shared-access"] = "Dataset dibaca oleh perangkat daerah yang diberi akses",
        ["backup.restored"] = "Cadangan dipulihkan",
        ["backup.failed"] = "Pencadangan atau pemulihan gagal",
        ["statistics.submitted"] = "Statistik dikirim",
        ["statistics.accepted"] = "Statistik diterima",
        ["statistics.returned"] = "Statistik dikembalikan",
        ["workflow.started"] = "Alur kerja dimulai",
        ["workflow.cancelled"] = "Alur kerja dibatalkan",
        ["workflow.withdrawn"] = "Pengajuan ditarik karena konten diubah",
        ["workflow.force-published"] = "Tinjauan diselesaikan oleh penerbitan langsung",
        ["workflow.definition.created"] = "Alur kerja dibuat",
        ["workflow.definition.saved"] = "Alur kerja diubah",
        ["workflow.task.denied"] = "Keputusan tugas ditolak (peran tidak berwenang)",
        ["feature.enabled"] = "Fitur diaktifkan",
        ["feature.disabled"] = "Fitur dinonaktifkan",
        ["content-type.created"] = "Tipe konten dibuat",
        ["content-type.field-added"] = "Isian ditambahkan ke tipe konten",
        ["content-type.field-removed"] = "Isian dihapus dari tipe konten",
    };

    /// <summary>Families of codes made at run time ("workflow.task.setujui", "feature.enabled"…), by their prefix.</summary>
    private static readonly (string Prefix, string Text)[] Families =
    [
        ("workflow.task.", "Keputusan tugas diambil"),
        ("workflow.", "Alur kerja"),
        ("feature", "Fitur situs diubah"),
        ("content-type", "Tipe konten diubah"),
        ("content.", "Konten diubah"),
        ("user.", "Akun pengguna"),
        ("tenant.", "Situs perangkat daerah diubah"),
        ("statistics.", "Statistik"),
        ("media.", "Pustaka media"),
        ("search.", "Pencarian"),
    ];

    public static string Of(string action) =>
        Known.TryGetValue(action, out var text) ? text
        : Families.FirstOrDefault(f => action.StartsWith(f.Prefix, StringComparison.Ordinal)).Text ?? "Aktivitas sistem";
}
