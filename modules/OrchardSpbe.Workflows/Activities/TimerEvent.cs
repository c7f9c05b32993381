using Cronos;
using OrchardSpbe.Localization;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// A cron schedule in Jakarta time (WIB), e.g. "0 8 25 * *" (the 25th of every month at 08:00; six fields add
/// seconds in front). As a start it
/// starts an instance at each occurrence; further on it waits until the next one.
/// </summary>
public sealed class TimerEvent : IActivity
{
    public const string TypeName = "Timer";

    public string Type => TypeName;
    public string DisplayName => "Pengatur waktu (cron)";
    public bool CanStart => true;
    public bool CanWait => true;

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        if (Parse(activity.Text("cron")) is null)
            errors.Add(activity, errors.T["ekspresi cron '{0}' tidak sah (lima bagian: menit jam tanggal bulan hari, misalnya \"0 8 25 * *\").", activity.Text("cron")]);
        return Task.CompletedTask;
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Task.FromResult(NextAfter(context.Activity, context.Now) is { } due
            ? ActivityResult.WaitFor(new WaitRequest(WaitRequest.TimerKind, DueUtc: due))
            : ActivityResult.Failed("the cron expression has no next occurrence"));

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in WIB.</summary>
    public static DateTimeOffset? NextAfter(ActivityDefinition activity, DateTimeOffset after) =>
        Parse(activity.Text("cron"))?.GetNextOccurrence(after, Wib);

    /// <summary>Western Indonesia Time has no daylight saving: a fixed UTC+7 zone.</summary>
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("WIB", WibTime.Offset, "WIB", "WIB");

    private static CronExpression? Parse(string text)
    {
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text.Trim(), format, out var expression) ? expression : null;
    }
}
