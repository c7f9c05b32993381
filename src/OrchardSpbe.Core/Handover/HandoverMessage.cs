namespace OrchardSpbe.Handover;

/// <summary>
/// A message one tenant hands to another (a PD's statistics submission to the portal, the verifier's decision
/// back). <see cref="From"/> is set by the host when it moves the message, never taken from the sender's words.
/// </summary>
public sealed record HandoverMessage
{
    /// <summary>Unique per message; the receiver applies a message with a given id once, however often it arrives.</summary>
    public required string Id { get; init; }

    /// <summary>What it is ("statistics.submission"): picks the receiver's <see cref="IHandoverHandler"/>.</summary>
    public required string Kind { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }

    /// <summary>What the message is about (a submission id): the sender and receiver name it the same way.</summary>
    public required string Subject { get; init; }

    /// <summary>The content, as JSON.</summary>
    public required string Payload { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
}

/// <summary>
/// Applies one kind of message in the receiving tenant: runs in a scope of that tenant, inside the transaction
/// that marks the message applied — whatever it writes (including replies through <see cref="HandoverOutbox"/>)
/// commits with that mark or not at all. Throwing leaves the message to be retried later.
/// </summary>
public interface IHandoverHandler
{
    string Kind { get; }

    Task HandleAsync(HandoverMessage message, IServiceProvider tenantServices, CancellationToken cancellationToken);
}
