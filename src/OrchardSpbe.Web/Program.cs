using OrchardSpbe.Web;

// Configuration (appsettings.json, SPBE__* variables) → framework + modules → tenants started → serve.
var app = await SpbeApplication.BuildAsync(args);
await app.StartAsync();
Welcome.Print(app);
await app.WaitForShutdownAsync();
