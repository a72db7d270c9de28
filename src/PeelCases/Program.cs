using JasperFx;
using PeelCases.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeelCases();

var app = builder.Build();
app.UsePeelCases();

// JasperFx command line: `dotnet run` serves; `dotnet run -- help` lists the other commands.
return await app.RunJasperFxCommands(args);
