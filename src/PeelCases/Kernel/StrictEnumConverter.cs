using System.Text.Json.Serialization;

namespace PeelCases.Kernel;

/// <summary>Enums travel as their names only: a number or an unknown name is a 400, never a silently wrong value.</summary>
public sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(allowIntegerValues: false) where TEnum : struct, Enum;
