using PeelCases.Kernel;

namespace PeelCases.HmiSignOff;

// In the inspection stream.

public sealed record InspectionSignedOff(Guid InspectionId, string SignedOffBy, DateTimeOffset SignedOffAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => SignedOffAt;
}
