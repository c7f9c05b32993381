using System.Collections.Frozen;

namespace OrchardSpbe.Modules;

/// <summary>Every feature of every module in the process, and their dependency order.</summary>
public sealed class FeatureCatalog
{
    private readonly FrozenDictionary<string, FeatureDescriptor> _features;

    public FeatureCatalog(IEnumerable<FeatureDescriptor> features)
    {
        _features = features.ToFrozenDictionary(f => f.Id);
        foreach (var feature in _features.Values)
        {
            foreach (var dependency in feature.Dependencies)
            {
                if (!_features.ContainsKey(dependency))
                    throw new InvalidOperationException($"Feature '{feature.Id}' depends on unknown feature '{dependency}'.");
            }
        }
    }

    public IReadOnlyCollection<FeatureDescriptor> All => _features.Values;

    public FeatureDescriptor? Find(string id) => _features.GetValueOrDefault(id);

    /// <summary>The features with all their dependencies, dependencies first.</summary>
    public IReadOnlyList<FeatureDescriptor> WithDependencies(IEnumerable<string> ids)
    {
        var ordered = new List<FeatureDescriptor>();
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        foreach (var id in ids) Visit(id);
        return ordered;

        void Visit(string id)
        {
            if (done.Contains(id)) return;
            var feature = Find(id) ?? throw new UnknownFeatureException(id);
            if (!visiting.Add(id)) throw new InvalidOperationException($"Feature dependency cycle at '{id}'.");
            foreach (var dependency in feature.Dependencies) Visit(dependency);
            visiting.Remove(id);
            done.Add(id);
            ordered.Add(feature);
        }
    }

    /// <summary>Features among <paramref name="enabled"/> that need <paramref name="id"/>, directly or not.</summary>
    public IReadOnlyList<FeatureDescriptor> DependentsOf(string id, IEnumerable<string> enabled) =>
        enabled.Where(e => e != id)
            .Select(Find)
            .OfType<FeatureDescriptor>()
            .Where(f => WithDependencies([f.Id]).Any(d => d.Id == id))
            .ToList();
}

public sealed class UnknownFeatureException(string featureId) : Exception($"Unknown feature '{featureId}'.")
{
    public string FeatureId { get; } = featureId;
}
