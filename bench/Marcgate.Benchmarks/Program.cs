using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Marcgate.Benchmarks.Corpus).Assembly).Run(args);
