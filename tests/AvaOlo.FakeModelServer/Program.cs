using AvaOlo.Testing;

// Usage: AvaOlo.FakeModelServer [ok|slow|fail|garbage] [delay-seconds]
// Prints "OPENAI_BASE_URL=http://127.0.0.1:PORT/v1" once listening, then serves until SIGTERM/SIGINT.
//   ok      an English answer at once (a zero-latency model)
//   slow    the same answer after delay-seconds (default 60): longer than any deadline
//   fail    HTTP 500 on every call
//   garbage HTTP 200 whose body is not the protocol
var mode = args.Length > 0 ? args[0] : "ok";
var delay = TimeSpan.FromSeconds(args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 60);
var answer = FakeReply.Text("Your fields are in good shape. Plan the next spraying after the rain and keep to the pre-harvest interval on the label.");
await using var server = new FakeModelServer
{
    Default = mode switch
    {
        "ok" => answer,
        "slow" => FakeReply.Delayed(delay, answer),
        "fail" => FakeReply.Status(500),
        "garbage" => FakeReply.Raw("{\"choices\": [ this is not json <html>"),
        _ => throw new ArgumentException($"unknown mode {mode}: use ok, slow, fail or garbage"),
    },
};
Console.WriteLine($"OPENAI_BASE_URL={server.BaseUrl}");
using var stop = new CancellationTokenSource();
// SIGTERM (what scripts send) and SIGINT end the loop below, then the server is disposed.
using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
// The server keeps every request body for tests; a long benchmark must not grow it without bound.
while (!stop.IsCancellationRequested)
{
    try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { break; }
    server.Requests.Clear();
}
