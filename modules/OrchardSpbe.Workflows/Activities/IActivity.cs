using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// A kind of step a definition may use. Events start an instance or make it wait for something outside
/// (a content event, a time); tasks do something and end with an outcome, or wait for a person.
/// </summary>
public interface IActivity
{
    /// <summary>The name definitions use ("UserTask", "ContentSubmitted", …).</summary>
    string Type { get; }

    /// <summary>Shown in the admin ("Tugas pengguna").</summary>
    string DisplayName { get; }

    /// <summary>May start an instance (events, timers, manual start).</summary>
    bool CanStart => false;

    /// <summary>May halt the instance until a person, an event or a time resumes it; a cycle must pass through one.</summary>
    bool CanWait => false;

    /// <summary>The outcomes it can end with, which transitions name.</summary>
    IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => [Outcomes.Done];

    /// <summary>Checks the activity's settings; each problem is added to <paramref name="errors"/>.</summary>
    Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors) => Task.CompletedTask;

    /// <summary>Runs the step when the flow reaches it.</summary>
    Task<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues after the wait it asked for ended (or, for a start event, when the event occurred).</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context) => Task.FromResult(ActivityResult.Outcome(Outcomes.Done));
}

/// <summary>How a step ended: with outcomes to follow, waiting for something, still collecting (a join), or failed.</summary>
public sealed record ActivityResult(IReadOnlyList<string> Outcomes, WaitRequest? Wait, string? Fault, bool Pending = false)
{
    public static ActivityResult Outcome(params string[] outcomes) => new(outcomes, null, null);
    public static ActivityResult WaitFor(WaitRequest wait) => new([], wait, null);
    public static ActivityResult Failed(string message) => new([], null, message);
    public static readonly ActivityResult StillPending = new([], null, null, Pending: true);
}

/// <param name="Kind">"event", "task" or "timer".</param>
/// <param name="Event">For event waits: the event name it waits for on the instance's content item.</param>
/// <param name="DueUtc">For timer waits: when it resumes.</param>
public sealed record WaitRequest(string Kind, string? Event = null, DateTimeOffset? DueUtc = null)
{
    public const string EventKind = "event";
    public const string TaskKind = "task";
    public const string TimerKind = "timer";
}
