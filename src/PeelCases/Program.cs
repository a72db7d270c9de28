using JasperFx;
using PeelCases.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeelCases();

var app = builder.Build();
app.UsePeelCases();

// Serving needs no command line: starting straight away spares the JasperFx scan of every assembly for commands
// (cold start, docs/benchmarks.md row 6). Any argument goes to the JasperFx command line (`-- help` lists them).
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);
