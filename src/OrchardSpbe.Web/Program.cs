using OrchardSpbe.Web;

// `backup …` / `restore …`: the operators' commands (see the README), then exit.
if (BackupCommand.Matches(args)) return await BackupCommand.RunAsync(args);

// Configuration (appsettings.json, SPBE__* variables) → framework + modules → tenants started → serve.
var app = await SpbeApplication.BuildAsync(args);
await app.StartAsync();
Welcome.Print(app);
await app.WaitForShutdownAsync();
return 0;
