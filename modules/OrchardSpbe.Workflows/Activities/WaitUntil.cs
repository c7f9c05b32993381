using System.Globalization;
using System.Text.RegularExpressions;
using OrchardSpbe.Localization;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Waits until a time: <c>until</c> is a date-time in WIB ("2026-12-01 09:00") or a delay from when the flow
/// gets here ("+3d", "+12h", "+30m"). The background timer resumes it, also after downtime.
/// </summary>
public sealed partial class WaitUntil : IActivity
{
    public string Type => "WaitUntil";
    public string DisplayName => "Tunggu sampai waktu";
    public bool CanWait => true;

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        if (DueAfter(activity.Text("until"), DateTimeOffset.UtcNow) is null)
            errors.Add(activity, errors.T["'until' harus tanggal-waktu WIB (\"2026-12-01 09:00\") atau jeda seperti \"+3d\", \"+12h\", \"+30m\"."]);
        return Task.CompletedTask;
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Task.FromResult(DueAfter(context.Activity.Text("until"), context.Now) is { } due
            ? ActivityResult.WaitFor(new WaitRequest(WaitRequest.TimerKind, DueUtc: due))
            : ActivityResult.Failed("'until' is not a time"));

    public static DateTimeOffset? DueAfter(string until, DateTimeOffset now)
    {
        var text = until.Trim();
        if (Delay().Match(text) is { Success: true } m)
        {
            var amount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "d" => now.AddDays(amount), "h" => now.AddHours(amount), _ => now.AddMinutes(amount) };
        }
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        // The same years WibTime accepts from an editor: 0001-01-01 WIB is before the first UTC instant.
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
               && local.Year is >= WibTime.MinYear and <= WibTime.MaxYear
            ? new DateTimeOffset(local, WibTime.Offset).ToUniversalTime()
            : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact : null;
    }

    [GeneratedRegex(@"^\+(\d{1,5})([dhm])$")]
    private static partial Regex Delay();
}
