namespace OrchardSpbe.Workflows.Activities;

/// <summary>The activity types modules registered (<c>services.AddSingleton&lt;IActivity, …&gt;</c>), by name.</summary>
public sealed class ActivityLibrary(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byType = activities.ToDictionary(a => a.Type, StringComparer.Ordinal);

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);

    public IEnumerable<IActivity> All => _byType.Values.OrderBy(a => a.Type, StringComparer.Ordinal);
}
