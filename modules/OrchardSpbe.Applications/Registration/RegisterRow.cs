using OrchardSpbe.Applications.Register;

namespace OrchardSpbe.Applications.Registration;

/// <summary>An application or device in the city register on the portal: what the PD handed over and Diskominfostandi's decision.</summary>
public sealed class RegisterRow
{
    public string Tenant { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? UrlKey { get; set; }
    public string State { get; set; } = "";
    public string? RegistrationNumber { get; set; }
    public string? SecurityLevel { get; set; }
    public string Payload { get; set; } = "{}";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedUtc { get; set; }
    public DateTimeOffset ReceivedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
    public string? Note { get; set; }
}

/// <summary>A document in Diskominfo's repository on the portal (002 Pasal 13(5)): the PD's record, and which PD it came from.</summary>
public sealed class RegisterDocument : DocumentRecord
{
    public string Tenant { get; set; } = "";
}
