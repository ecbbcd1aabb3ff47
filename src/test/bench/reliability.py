#!/usr/bin/env python3
"""Reliability proofs with a real Baton process on a real PostgreSQL (see reliability.sh).

  intake-load URL KEY RUN N THREADS OUT   send N discharge intakes (source ids RUN-0..N-1); write the acknowledged ids to OUT
  decide-load URL KEY SECONDS OUT         send decisions for SECONDS; write one line per request: status, requestId
"""
import json, sys, threading, time, urllib.request, urllib.error, uuid

def post(url, key, body, timeout=10):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-API-Key": key})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except Exception as e:  # connection refused or reset: the process is gone
        return -1, type(e).__name__

def discharge(run, i):
    return {"sourceSystem": "RELIABILITY", "sourceId": f"{run}-{i}",
            "patient": {"id": f"pt-{run}-{i}", "payer": "MEDICARE", "memberId": "M-1", "language": "en",
                        "location": "MAIN_CLINIC", "consentOnFile": True},
            "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}

def intake_load(url, key, run, n, threads, out):
    acked, lock, next_i = [], threading.Lock(), [0]
    def worker():
        while True:
            with lock:
                i = next_i[0]; next_i[0] += 1
            if i >= n:
                return
            status, _ = post(url + "/api/v1/intake/discharges", key, discharge(run, i))
            if status in (200, 201):
                with lock:
                    acked.append(f"{run}-{i}")
    ts = [threading.Thread(target=worker) for _ in range(threads)]
    [t.start() for t in ts]; [t.join() for t in ts]
    open(out, "w").write("\n".join(acked) + "\n")
    print(f"intakes acknowledged: {len(acked)} of {n}")

def decide_load(url, key, seconds, out):
    template = open("src/test/bench/worked-example.json").read()
    lines, end = [], time.time() + seconds
    while time.time() < end:
        rid = str(uuid.uuid4())
        status, text = post(url + "/api/v1/decisions", key, json.loads(template.replace("REQUEST_ID", rid)), timeout=5)
        kind = ""
        if status >= 400:
            try:
                kind = json.loads(text).get("type", "")
            except ValueError:
                kind = "not-json"
        lines.append(f"{status} {rid} {kind}")
        time.sleep(0.02)
    open(out, "w").write("\n".join(lines) + "\n")

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "intake-load":
        intake_load(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
    elif cmd == "decide-load":
        decide_load(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
