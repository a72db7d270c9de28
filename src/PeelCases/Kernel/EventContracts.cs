namespace PeelCases.Kernel;

/// <summary>
/// An event's business time: when what it records happened in the world (a decision made, a
/// grade awarded), as distinct from when it was recorded (Marten's timestamp). Each event
/// declares it explicitly (an explicit implementation, so it is not stored twice); trails and
/// audit views read it from here, never by guessing from property names.
/// </summary>
public interface IBusinessEvent
{
    DateTimeOffset BusinessTime { get; }
}

/// <summary>An event about one question of an inspection.</summary>
public interface IQuestionEvent
{
    string QuestionCode { get; }
}
