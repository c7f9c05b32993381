using OrchardSpbe.Localization;
using System.Globalization;
using System.Text.RegularExpressions;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Recipes;

/// <summary>
/// Times in recipes: an ISO moment ("2026-12-01T09:00:00+07:00"), or relative to when the recipe runs
/// so sample agendas stay upcoming: "+7d 09:00" (in 7 days at 09.00 WIB), "-2d" (two days ago).
/// </summary>
public static partial class RecipeTime
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var relative = Relative().Match(text.Trim());
        if (relative.Success)
        {
            var days = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!relative.Groups[2].Success)
            {
                utc = now.AddDays(days);
                return true;
            }
            var localDay = WibTime.ToWib(now).Date.AddDays(days);
            var hours = int.Parse(relative.Groups[2].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(relative.Groups[3].Value, CultureInfo.InvariantCulture);
            if (hours > 23 || minutes > 59) return false;
            utc = new DateTimeOffset(localDay.AddHours(hours).AddMinutes(minutes), WibTime.Offset).ToUniversalTime();
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = parsed.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^([+-]\d{1,4})d(?: (\d{2}):(\d{2}))?$")]
    private static partial Regex Relative();
}
