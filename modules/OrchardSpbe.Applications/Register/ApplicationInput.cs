namespace OrchardSpbe.Applications.Register;

/// <summary>What the application editor posts. There is no security level here: Diskominfostandi sets it (001 Pasal 9(2)).</summary>
public sealed class ApplicationInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Never null: a form that posts the field empty binds null here.</summary>
    public string[] Users { get; set => field = (value ?? []).Where(u => u is not null).ToArray(); } = [];
    public string? AppClass { get; set; }
    public string? Builder { get; set; }
    public string? Contract { get; set; }
    public string? Lifecycle { get; set; }
    public string? Url { get; set; }
    public string? Hosting { get; set; }
    public string? CloudProvider { get; set; }
    public string? CloudApproval { get; set; }
    public string? Stack { get; set; }
    public string? Licence { get; set; }
    public string? Repository { get; set; }
    public string? ApisProvided { get; set; }
    public string? ApisConsumed { get; set; }
    public string? Datasets { get; set; }

    /// <summary>Ids of programmers placed at this PD; never null (as <see cref="Users"/>).</summary>
    public string[] Programmers { get; set => field = (value ?? []).Where(p => p is not null).ToArray(); } = [];
    public bool IsPublic { get; set; }

    public static ApplicationInput From(ApplicationRecord r) => new()
    {
        Name = r.Name, Description = r.Description, Users = [.. r.UserList], AppClass = r.AppClass, Builder = r.Builder, Contract = r.Contract,
        Lifecycle = r.Lifecycle, Url = r.Url, Hosting = r.Hosting, CloudProvider = r.CloudProvider, CloudApproval = r.CloudApproval,
        Stack = r.Stack, Licence = r.Licence, Repository = r.Repository, ApisProvided = r.ApisProvided, ApisConsumed = r.ApisConsumed, Datasets = r.Datasets,
        Programmers = [.. r.ProgrammerIds], IsPublic = r.IsPublic,
    };
}

/// <summary>What the device editor posts (no security level either).</summary>
public sealed class DeviceInput
{
    public string? DeviceType { get; set; }
    public string? Vendor { get; set; }
    public string? Model { get; set; }
    public string? Location { get; set; }
    public string? IpRanges { get; set; }
    public string? Status { get; set; }

    public static DeviceInput From(DeviceRecord r) => new()
    {
        DeviceType = r.DeviceType, Vendor = r.Vendor, Model = r.Model, Location = r.Location, IpRanges = r.IpRanges, Status = r.Status,
    };
}
