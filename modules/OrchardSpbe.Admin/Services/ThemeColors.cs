using System.Globalization;

namespace OrchardSpbe.Admin.Services;

/// <summary>
/// The colours a site's theme derives from the one primary colour a PD picks, so text stays readable
/// (WCAG 2.1 AA 1.4.3: at least 4.5:1) whatever the pick: text on the primary colour is white or
/// near-black, whichever passes; the primary colour used as text on white is darkened until it passes.
/// </summary>
public sealed record ThemeColors(string Primary, string OnPrimary, string PrimaryInk, string PrimarySoft)
{
    private const double MinimumContrast = 4.5;

    // A little above 4.5 so the ink also passes on the theme's light grey surfaces, not only on white.
    private const double InkContrast = 5.2;

    public static ThemeColors From(string primary)
    {
        var rgb = Parse(primary);
        string[] onCandidates = ["#ffffff", "#1b1f24", "#000000"];
        // White or black always reaches 4.5:1 against any colour (the worse of the two is at least 4.58:1), so one fits.
        var onPrimary = onCandidates.First(c => Contrast(Parse(c), rgb) >= MinimumContrast);

        var ink = rgb;
        for (var i = 0; i < 40 && Contrast((255, 255, 255), ink) < InkContrast; i++) ink = Mix(ink, (0, 0, 0), 0.08);
        var soft = Mix(rgb, (255, 255, 255), 0.9);
        return new ThemeColors(Hex(rgb), onPrimary, Hex(ink), Hex(soft));
    }

    public string ToCss() => string.Create(CultureInfo.InvariantCulture,
        $":root{{--primary:{Primary};--on-primary:{OnPrimary};--primary-ink:{PrimaryInk};--primary-soft:{PrimarySoft};}}\n");

    /// <summary>WCAG contrast ratio of two sRGB colours (1 to 21).</summary>
    public static double Contrast((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((int R, int G, int B) c) =>
        0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);

    private static double Channel(int value)
    {
        var s = value / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Mix((int R, int G, int B) from, (int R, int G, int B) to, double amount) =>
        ((int)Math.Round(from.R + (to.R - from.R) * amount), (int)Math.Round(from.G + (to.G - from.G) * amount),
         (int)Math.Round(from.B + (to.B - from.B) * amount));

    // The colour was validated as #rrggbb when saved; anything else falls back to the default blue.
    private static (int R, int G, int B) Parse(string hex) =>
        hex.Length == 7 && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            ? ((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff)
            : (0x0b, 0x53, 0x94);

    private static string Hex((int R, int G, int B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";
}
