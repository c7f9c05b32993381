using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Registration;

/// <summary>
/// Who is told when something of the register travels the hand-over: on the portal, Diskominfostandi's registrars when
/// a PD's application, device, semester report or PD Mandiri TIK proposal arrives; on the PD, whoever submitted it and
/// the PD head (role Reviewer) when the decision comes back. An in-app notification and an e-mail each, through the
/// notifications module (nothing where that feature is off), in the hand-over's own transaction.
/// </summary>
internal static class RegisterNotices
{
    /// <summary>On the portal: the registrars, about a PD's hand-over.</summary>
    public static async Task ToRegistrarsAsync(IServiceProvider services, string pd, Func<string, Notification> notice)
    {
        var name = services.GetRequiredService<TenantRegistry>().Find(pd)?.DisplayName ?? pd;
        var registrars = await services.GetRequiredService<ITenantUsers>().InRolesAsync([ApplicationsRoles.Registrar]);
        await services.GetRequiredService<INotifier>().NotifyAsync(registrars.Select(r => r.UserName).ToList(), notice(name));
    }

    /// <summary>On the PD: the submitter and the PD head, about Diskominfostandi's decision.</summary>
    public static async Task ToPdAsync(IServiceProvider services, string? submittedBy, Notification notification)
    {
        var heads = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StandardRoles.Reviewer]);
        var people = heads.Select(h => h.UserName);
        if (!string.IsNullOrEmpty(submittedBy)) people = people.Append(submittedBy);
        await services.GetRequiredService<INotifier>().NotifyAsync(people.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), notification);
    }

    /// <summary>The PD's notice of a registration decision: the number when registered, the notes when returned or refused.</summary>
    public static Notification Decision(RegistrationDecision decision, string name, string link)
    {
        var what = decision.Kind == RegisterKinds.Device ? "Perangkat" : "Aplikasi";
        return decision.State switch
        {
            RegistrationStates.Registered => new Notification($"{what} {name} terdaftar: {decision.RegistrationNumber}",
                $"Diskominfostandi ({decision.DecidedBy}) meregistrasi {what.ToLowerInvariant()} {name} dengan nomor {decision.RegistrationNumber} dan tingkat keamanan {decision.SecurityLevel}.", link),
            RegistrationStates.Returned => new Notification($"{what} {name} dikembalikan",
                $"Diskominfostandi ({decision.DecidedBy}) mengembalikan {what.ToLowerInvariant()} {name} dengan catatan: {decision.Note}", link),
            _ => new Notification($"{what} {name} ditolak",
                $"Pengajuan {what.ToLowerInvariant()} {name} ditolak: {decision.Note}", link),
        };
    }
}
