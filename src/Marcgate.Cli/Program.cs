using Marcgate.Cli;

return await MarcgateProgram.RunAsync(args).ConfigureAwait(false);
