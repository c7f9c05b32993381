using System.Globalization;

namespace OrchardSpbe.Backup;

/// <summary>
/// Which scheduled backups stay: the newest of each of the last <c>keepDaily</c> days that have one, and the newest of
/// each of the last <c>keepMonthly</c> months; the rest are deleted. Folder names carry the time (spbe-platform-yyyyMMdd-…).
/// </summary>
public static class BackupRetention
{
    public static int Prune(string folder, int keepDaily, int keepMonthly)
    {
        if (!Directory.Exists(folder)) return 0;
        var backups = Directory.EnumerateDirectories(folder, "spbe-platform-*")
            .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => (Folder: f, Day: DayOf(Path.GetFileName(f))))
            .Where(b => b.Day is not null)
            .OrderByDescending(b => Path.GetFileName(b.Folder), StringComparer.Ordinal)
            .ToList();
        var keep = new HashSet<string>();
        foreach (var day in backups.GroupBy(b => b.Day!.Value).Take(Math.Max(keepDaily, 1))) keep.Add(day.First().Folder);
        foreach (var month in backups.GroupBy(b => (b.Day!.Value.Year, b.Day!.Value.Month)).Take(Math.Max(keepMonthly, 0))) keep.Add(month.First().Folder);
        var removed = 0;
        foreach (var backup in backups.Where(b => !keep.Contains(b.Folder)))
        {
            Directory.Delete(backup.Folder, recursive: true);
            removed++;
        }
        return removed;
    }

    private static DateOnly? DayOf(string name) =>
        name.Length >= 22 && DateOnly.TryParseExact(name.AsSpan(14, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
