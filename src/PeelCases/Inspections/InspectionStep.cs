using Microsoft.AspNetCore.Mvc;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// A step that needs nothing but the inspection version the client saw: starting or completing
/// fieldwork, submitting for QA, awarding, carrying over, signing off, opening the check.
/// </summary>
/// <example>{"expectedVersion":12}</example>
public sealed record InspectionStep(long? ExpectedVersion)
{
    public static FieldErrors Validate(InspectionStep c) => new FieldErrors().Required("expectedVersion", c.ExpectedVersion);

    public static ProblemDetails Check(InspectionStep? c) => FieldErrors.Check(c, Validate);
}
