using System.Security.Cryptography;
using System.Text;
using PeelCases.Kernel;

namespace PeelCases.Monitoring;

/// <summary>
/// How closely the inspectorate monitors a force between inspections: Scan (routine, the default) or Engage (enhanced:
/// the force is not responding to the inspectorate's concerns, or has significant service failures).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<MonitoringStage>))]
public enum MonitoringStage { Scan, Engage }

/// <summary>
/// A force moved between monitoring stages by an HMI (added 2026-12-02), on the force's own monitoring stream: why, the
/// causes of concern (findings) that led there, and for Engage the date the force's improvement plan is due.
/// </summary>
public sealed record ForceMonitoringStageChanged(
    string ForceId, MonitoringStage Stage, MonitoringStage From, string Reason, IReadOnlyList<Guid> CausesOfConcern, DateOnly? ImprovementPlanDue,
    string ChangedBy, DateTimeOffset ChangedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ChangedAt;
}

public static class MonitoringStreams
{
    /// <summary>A force's monitoring stream id, derived from its code (a name-based UUID), so it needs no lookup.</summary>
    public static Guid For(string forceId)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"peelcases:monitoring:{forceId.ToLowerInvariant()}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
