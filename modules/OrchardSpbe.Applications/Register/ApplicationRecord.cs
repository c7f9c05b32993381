namespace OrchardSpbe.Applications.Register;

/// <summary>What an application and a device share on their PD: where they stand in registration and who changed them last.</summary>
public abstract class Registrable
{
    public string State { get; set; } = RegistrationStates.Draft;
    public string? RegistrationNumber { get; set; }

    /// <summary>Set by Diskominfostandi only, arriving with its decision (001 Pasal 9(2)).</summary>
    public string? SecurityLevel { get; set; }
    public string? ReviewNote { get; set; }
    public DateTimeOffset? SubmittedUtc { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
    public string? ModifiedBy { get; set; }
    public DateTimeOffset ModifiedUtc { get; set; }
}

/// <summary>An application as its owner PD keeps it (001 Pasal 9(1)); the owner PD is the tenant itself.</summary>
public sealed class ApplicationRecord : Registrable
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The other PDs that use it (tenant names, comma separated).</summary>
    public string Users { get; set; } = "";
    public string AppClass { get; set; } = "";
    public string Builder { get; set; } = "";
    public string? Contract { get; set; }
    public string Lifecycle { get; set; } = "";
    public string Url { get; set; } = "";
    public string Hosting { get; set; } = "";
    public string? CloudProvider { get; set; }
    public string? CloudApproval { get; set; }
    public string Stack { get; set; } = "";
    public string Licence { get; set; } = "";
    public string? Repository { get; set; }

    /// <summary>One API per line.</summary>
    public string ApisProvided { get; set; } = "";

    /// <summary>One per line: the provider's registration number, a space, the API's name.</summary>
    public string ApisConsumed { get; set; } = "";

    /// <summary>The names of this PD's public datasets it uses, one per line (through Core's IDatasetLinks).</summary>
    public string Datasets { get; set; } = "";

    /// <summary>The ids of the Tim Programmer members placed at this PD who work on it, one per line (through Core's IProgrammerDirectory).</summary>
    public string Programmers { get; set; } = "";
    public bool IsPublic { get; set; }

    public IReadOnlyList<string> ProgrammerIds => Programmers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> DatasetList => Datasets.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> UserList => Users.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string UrlKeyOf(string url) => url.Trim().TrimEnd('/').ToLowerInvariant();

    /// <summary>The (registration number, API) pairs of <see cref="ApisConsumed"/>.</summary>
    public static IEnumerable<(string Number, string Api)> Consumed(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""));
}

/// <summary>A network device as its owner PD keeps it (001 Pasal 9(1)).</summary>
public sealed class DeviceRecord : Registrable
{
    public string Id { get; set; } = "";
    public string DeviceType { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Model { get; set; } = "";
    public string Location { get; set; } = "";

    /// <summary>CIDR ranges, one per line.</summary>
    public string IpRanges { get; set; } = "";
    public string Status { get; set; } = "";

    public string Title => $"{Vendor} {Model}".Trim();
}

/// <summary>One stored version of a document of an application's repository.</summary>
public class DocumentRecord
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Version { get; set; }
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string? UploadedBy { get; set; }
    public DateTimeOffset UploadedUtc { get; set; }
}
