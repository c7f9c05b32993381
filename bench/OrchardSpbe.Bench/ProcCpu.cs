namespace OrchardSpbe.Bench;

/// <summary>
/// CPU time a process has used (user + system, /proc/&lt;pid&gt;/stat), in ms. Unlike a latency, the CPU a request
/// costs barely depends on what else runs on the machine, so it compares runs on a busy machine.
/// </summary>
public static class ProcCpu
{
    public static double Ms(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }
}
