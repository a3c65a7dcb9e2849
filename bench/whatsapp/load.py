#!/usr/bin/env python3
"""Signed WhatsApp Cloud API webhooks against one core, as Meta would send them (documented payload, X-Hub-Signature-256).

  load.py ack   URL SECRET PHONE_ID RATE SECONDS   fixed rate; prints JSON: acknowledgement latency percentiles, statuses
  load.py burst URL SECRET PHONE_ID COUNT CONC     as fast as CONC connections go; prints JSON with the wamids' prefix
Loopback only; every loop is bounded by count and time.
"""
import hashlib, hmac, http.client, json, sys, threading, time, urllib.parse, uuid

def notification(phone_id, sender, wamid, text):
    now = str(int(time.time()))
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550783881", "phone_number_id": phone_id},
        "contacts": [{"profile": {"name": "Farmer"}, "wa_id": sender}],
        "messages": [{"from": sender, "id": wamid, "timestamp": now, "type": "text", "text": {"body": text}}]}}]}]}

QUESTIONS = ["Koliko je karenca za Prosaro u pšenici?", "Koliko imam polja?", "Kada mogu brati pšenicu?", "Koje sam zadatke obavio?"]

def body(phone_id, secret, i, run):
    sender = "38591%07d" % (1000000 + i % 2000)
    raw = json.dumps(notification(phone_id, sender, f"wamid.bench{run}.{i}", QUESTIONS[i % len(QUESTIONS)]), ensure_ascii=False).encode()
    return raw, "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()

def worker(url, secret, phone_id, run, indices, start_at, interval, latencies, statuses, lock):
    u = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for n, i in enumerate(indices):
        if interval:
            delay = start_at + i * interval - time.perf_counter()
            if delay > 0: time.sleep(delay)
        raw, sig = body(phone_id, secret, i, run)
        t = time.perf_counter()
        try:
            conn.request("POST", u.path, raw, {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
            r = conn.getresponse(); r.read(); status = r.status
        except Exception:
            conn.close(); conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30); status = -1
        ms = (time.perf_counter() - t) * 1000
        with lock:
            latencies.append(ms); statuses[status] = statuses.get(status, 0) + 1

def pct(values, p):
    s = sorted(values); return round(s[min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1)], 2) if s else None

def main():
    mode, url, secret, phone_id = sys.argv[1:5]
    run = uuid.uuid4().hex[:8]
    if mode == "ack":
        rate, seconds = float(sys.argv[5]), float(sys.argv[6]); total = int(rate * seconds); conc = 16; interval = 1 / rate
    else:
        total, conc = int(sys.argv[5]), int(sys.argv[6]); interval = 0
    latencies, statuses, lock = [], {}, threading.Lock()
    start = time.perf_counter() + 0.2
    threads = [threading.Thread(target=worker, args=(url, secret, phone_id, run, range(k, total, conc), start, interval, latencies, statuses, lock)) for k in range(conc)]
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - start
    print(json.dumps({"run": run, "sent": total, "seconds": round(elapsed, 2), "rate": round(total / elapsed, 1), "statuses": statuses,
                      "p50_ms": pct(latencies, 50), "p90_ms": pct(latencies, 90), "p99_ms": pct(latencies, 99), "max_ms": round(max(latencies), 2)}))

if __name__ == "__main__":
    main()
