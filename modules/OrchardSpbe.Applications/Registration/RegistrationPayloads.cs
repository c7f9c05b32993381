using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Applications.Registration;

public static class HandoverKinds
{
    public const string Application = "applications.application";
    public const string Device = "applications.device";
    public const string Decision = "applications.decision";
    public const string MandiriProposal = "applications.mandiri-proposal";
    public const string MandiriDecision = "applications.mandiri-decision";
    public const string Report = "applications.report";
}

public static class RegisterKinds
{
    public const string Application = "aplikasi";
    public const string Device = "perangkat";
}

/// <summary>
/// An application handed to Diskominfostandi for registration (001 Pasal 9(1)), listing the latest version of each document
/// (002 Pasal 13(5)); the bytes travel only for those the portal does not hold yet.
/// </summary>
public sealed record ApplicationSubmission(ApplicationRecord Application, string PdName, IReadOnlyList<DocumentCopy> Documents, string SubmittedBy, DateTimeOffset SubmittedUtc)
{
    /// <summary>The public datasets it uses, with their titles (resolved on the PD, which holds them).</summary>
    public IReadOnlyList<DatasetLink> Datasets { get; init; } = [];

    /// <summary>The programmers assigned, with their names and roles (resolved on the PD, where they are placed).</summary>
    public IReadOnlyList<ProgrammerLink> Programmers { get; init; } = [];
}

/// <summary>A network device handed over for registration.</summary>
public sealed record DeviceSubmission(DeviceRecord Device, string SubmittedBy, DateTimeOffset SubmittedUtc);

/// <summary>Diskominfostandi's decision, back to the PD: registered (with its number and security level), returned or refused, with notes.</summary>
public sealed record RegistrationDecision(string Kind, string Id, string State, string? RegistrationNumber, string? SecurityLevel, string? Note, string DecidedBy, DateTimeOffset DecidedUtc)
{
    /// <summary>Who on the PD submitted it: told of the decision, with the PD head.</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>For an application: the SHA-256 of its documents the portal now holds; the next submission sends only the others.</summary>
    public IReadOnlyList<string>? Held { get; init; }
}
