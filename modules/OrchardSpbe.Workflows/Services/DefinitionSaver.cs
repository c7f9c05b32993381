using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// Saves a definition from the admin or a recipe: validated first (nothing is stored when it is refused), then
/// stored as a new version with its cron starts rescheduled, in one transaction.
/// </summary>
public sealed class DefinitionSaver(
    DefinitionValidator validator,
    WorkflowDefinitionStore store,
    WorkflowTimers timers,
    TenantSession session,
    TimeProvider clock)
{
    public async Task<SaveResult> SaveAsync(WorkflowDefinition definition, string? userName, int? expectedVersion = null,
        IReadOnlyCollection<string>? extraRoles = null)
    {
        var errors = await validator.ValidateAsync(definition, extraRoles);
        if (errors.Count > 0) return new SaveResult(null, errors, Stale: false);
        await using var transaction = await session.BeginTransactionAsync();
        var saved = await store.SaveAsync(definition, userName, expectedVersion);
        if (saved is not { } stored) return new SaveResult(null, [], Stale: true);
        if (stored.IsNew) await timers.ScheduleAsync(definition, clock.GetUtcNow());
        await transaction.CommitAsync();
        return new SaveResult(stored.Version, [], Stale: false);
    }
}

public sealed record SaveResult(int? Version, IReadOnlyList<string> Errors, bool Stale)
{
    public bool Succeeded => Version is not null;
}
