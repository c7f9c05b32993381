using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Modules;

/// <summary>
/// A module's entry point: the features it declares and the services it adds. Services go into the one
/// process-wide container; the features gate, per tenant, whether its endpoints, menus and data are on.
/// </summary>
public abstract class SpbeModule
{
    public abstract IEnumerable<FeatureDescriptor> Features { get; }

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
