namespace OrchardSpbe.Bench;

/// <summary>The host's command line, shared by the in-process seeder and the child host so both see the same App_Data and settings.</summary>
public static class HostArgs
{
    public static List<string> For(string appData, int? port = null)
    {
        var args = new List<string>
        {
            $"--Spbe:AppData={appData}",
            "--Spbe:Hosting:LocalDomain=localhost",
            $"--Spbe:Setup:AdminPassword={BenchSettings.AdminPassword}",
            "--Spbe:Setup:SampleTenants=false",
            "--environment=Production",
            "--Logging:LogLevel:Default=Warning",
        };
        if (port is not null) args.Insert(0, $"--urls=http://127.0.0.1:{port}");
        return args;
    }
}
