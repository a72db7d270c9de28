namespace PeelCases.Board;

public static class BoardConfiguration
{
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(configuration.GetSection("Board").Get<BoardOptions>() ?? new BoardOptions());
}
