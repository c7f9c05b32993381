using System.Globalization;

namespace OrchardSpbe.Bench;

/// <summary>
/// Figures against their targets. A missed target is reported as MISS, never as a failed exit:
/// this is a measurement, and a slow machine should still produce its numbers.
/// </summary>
public sealed class Report
{
    private readonly List<(string Measure, string Value, string Target, bool Pass)> _rows = [];

    public void Check(string measure, double value, string unit, string comparison, double target)
    {
        var pass = comparison switch
        {
            "<" => value < target,
            ">=" => value >= target,
            _ => throw new ArgumentException(comparison),
        };
        _rows.Add((measure, Format(value, unit), $"{comparison} {Format(target, unit)}", pass));
    }

    /// <summary>Starts a section of the output: "== title".</summary>
    public static void Section(string title) => Console.WriteLine($"\n== {title}");

    public void Print(TextWriter output)
    {
        if (_rows.Count == 0) return;
        var measureWidth = _rows.Max(r => r.Measure.Length);
        var valueWidth = _rows.Max(r => r.Value.Length);
        var targetWidth = _rows.Max(r => r.Target.Length);
        output.WriteLine();
        output.WriteLine("RESULT " + new string('-', measureWidth + valueWidth + targetWidth + 8));
        foreach (var (measure, value, target, pass) in _rows)
            output.WriteLine($"{(pass ? "PASS" : "MISS")}  {measure.PadRight(measureWidth)}  {value.PadLeft(valueWidth)}  target {target.PadRight(targetWidth)}");
    }

    private static string Format(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}").TrimEnd();
}
