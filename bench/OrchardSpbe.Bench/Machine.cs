using System.Runtime.InteropServices;

namespace OrchardSpbe.Bench;

/// <summary>What the figures were measured on, printed first so a pasted result carries its context.</summary>
public static class Machine
{
    /// <summary>The kernel's 1/5/15-minute load: other work on the machine skews every timing here.</summary>
    public static string LoadAverage => File.ReadAllText("/proc/loadavg").Trim();

    public static void Print(TextWriter output, string[] args)
    {
        var memTotalKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        output.WriteLine($"OrchardSpbe bench  {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"  machine: nproc {Environment.ProcessorCount}, RAM {long.Parse(memTotalKb) / 1024.0 / 1024:F1} GiB, {RuntimeInformation.OSDescription}");
        output.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}; load average {LoadAverage}");
        output.WriteLine($"  args:    {string.Join(' ', args)}");
    }
}
