using System.Globalization;

namespace OrchardSpbe.Bench;

/// <summary>A process's memory as Linux counts it (/proc/&lt;pid&gt;/status), in MB.</summary>
public sealed record ProcMemory(double RssMb, double AnonMb, double FileMb, double PeakMb)
{
    public static ProcMemory Read(int pid)
    {
        var fields = File.ReadLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1].Trim()[..^2], CultureInfo.InvariantCulture) / 1024);
        return new ProcMemory(fields["VmRSS"], fields["RssAnon"], fields["RssFile"], fields["VmHWM"]);
    }

    public override string ToString() =>
        FormattableString.Invariant($"VmRSS {RssMb:F1} MB (anon {AnonMb:F1}, file {FileMb:F1}; peak {PeakMb:F1})");
}
