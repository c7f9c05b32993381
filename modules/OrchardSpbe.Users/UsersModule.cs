using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.Recipes;
using OrchardSpbe.Users.Services;

namespace OrchardSpbe.Users;

public sealed class UsersModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Users];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection("Spbe:Security").Get<SecuritySettings>() ?? new SecuritySettings();
        services.AddIdentity<SpbeUser, SpbeRole>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                identity.User.RequireUniqueEmail = true;
            })
            .AddUserStore<UserStore>()
            .AddRoleStore<RoleStore>()
            .AddSignInManager<SpbeSignInManager>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<BruteForceAlert>();
        services.AddScoped<RoleStore>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<ITenantUsers, TenantUsers>();
        services.AddScoped<IRolePermissionSource>(sp => sp.GetRequiredService<RoleStore>());
        // Each user's API tokens, for every API of the site (Core's token scheme asks the resolver).
        services.AddScoped<ApiTokenStore>();
        services.AddScoped<IApiTokenResolver, UserTokenResolver>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = TenantCookieManager.AuthCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.CookieManager = new TenantCookieManager();
            cookie.LoginPath = "/admin/login";
            cookie.LogoutPath = "/admin/logout";
            cookie.AccessDeniedPath = "/admin/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateTenantAsync;
            // An API call gets a status code, not a redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TenantTicketFormat>((cookie, format) => cookie.TicketDataFormat = format);
        // Disabling a user or changing their roles renews the security stamp: old cookies die within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.ManageUsers, Permissions.ManageRoles);
        services.AddRecipeStep<RolesStep>();
        services.AddRecipeStep<UsersStep>();
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Pengguna", Url = "/admin/users", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageUsers.Name, Order = 20 },
            new AdminMenuItem { Text = "Peran", Url = "/admin/roles", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageRoles.Name, Order = 21 },
            new AdminMenuItem { Text = "Token API", Url = "/admin/token", FeatureId = Manifest.FeatureId, Order = 22 });
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    // A ticket for another tenant is refused before anything else looks at it.
    private static async Task ValidateTenantAsync(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        if (!tenant.HasTenant || context.Principal?.FindFirst(PermissionHandler.TenantClaim)?.Value != tenant.Name)
        {
            context.RejectPrincipal();
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
