using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrchardSpbe.Bench;

/// <summary>
/// The live managed heap of another process, by `dotnet-gcdump` (a full, blocking GC first, so what is left is
/// what the process still holds). RSS alone cannot tell a cache filling from a leak; the report kept beside the
/// dump lists the types by size, so two dumps can be compared.
/// </summary>
public static partial class GcDump
{
    private static readonly string Tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");

    public static bool Available => File.Exists(Tool);

    /// <summary>Writes <paramref name="path"/> and <paramref name="path"/>.txt (the report); returns the live heap in MB, or null if the tool failed.</summary>
    public static async Task<double?> CollectAsync(int pid, string path)
    {
        if (!Available) return null;
        var (collected, _) = await RunAsync($"collect -p {pid} -o \"{path}\"");
        if (!collected || !File.Exists(path)) return null;
        var (reported, report) = await RunAsync($"report \"{path}\"");
        if (!reported) return null;
        await File.WriteAllTextAsync(path + ".txt", report);
        var heap = HeapBytes().Match(report);
        return heap.Success ? double.Parse(heap.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) / 1024 / 1024 : null;
    }

    private static async Task<(bool Ok, string Output)> RunAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(); return (false, ""); }
        return (process.ExitCode == 0, await output);
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapBytes();
}
