using PeelCases.Inspections;
namespace PeelCases.HmiSignOff;

/// <summary>How the HMI's sign-off changes the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class SignOffState
{
    public static void Apply(Inspection i, InspectionSignedOff e)
    {
        i.SignedOff = new SignOffStamp(e.SignedOffBy, e.SignedOffAt);
        i.Holder = null; // the HMI's part is done; the lead inspector opens the factual accuracy check
        i.Touch(e.SignedOffBy, e.SignedOffAt);
    }

    public static void Apply(Inspection i, HmiObservationsWritten e)
    {
        i.HmiObservations = e.Observations;
        i.Touch(e.WrittenBy, e.WrittenAt);
    }
}
