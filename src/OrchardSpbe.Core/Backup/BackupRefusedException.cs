namespace OrchardSpbe.Backup;

/// <summary>
/// A backup or a restore refused before anything changed, with the reason in words an operator can act on
/// (Indonesian, as the admin and the command line show it).
/// </summary>
public sealed class BackupRefusedException(string reason) : Exception(reason);
