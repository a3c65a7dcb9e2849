using System.Net;
using System.Net.Sockets;

namespace AvaOlo.Security.Tests;

/// <summary>
/// A TCP relay in front of the test PostgreSQL that can be cut: while down it drops every connection, open or new,
/// as a database outage looks to the service (no fake of our own classes: the service's Npgsql sees real sockets fail).
/// </summary>
public sealed class DatabaseSwitch : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _down;

    public DatabaseSwitch(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Down()
    {
        _down = true;
        lock (_open)
        {
            foreach (var c in _open) c.Dispose();
            _open.Clear();
        }
    }

    public void Up() => _down = false;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (_down) { client.Dispose(); continue; }
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            lock (_open) { _open.Add(client); _open.Add(server); }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream(), either.Token), server.GetStream().CopyToAsync(client.GetStream(), either.Token));
            await either.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Down();
        _stop.Dispose();
    }
}
