#!/usr/bin/env python3
"""The SMS webhook under load: thousands of senders texting their way through the real sample survey,
each request signed as Twilio signs it, sent by wrk on 127.0.0.1 to `chorus serve` and, in the same
run, to a Hummingbird route that does nothing (NoOpServer). Prints messages per second, p99 latency
and their ratio, then checks the database: exactly as many processed messages as 2xx answers, and a
completed response for every sender whose last text was answered. Last, it times the hourly rewrite
that erases the order of arrival (VACUUM) on the database the run left, as replies wait meanwhile.

The two servers take turns, a few rounds each, every chorus round on a new database, and the table
shows medians: on a shared machine one pair of runs can be a fifth off either way.

Usage: webhook.py CHORUS NOOPSERVER [seconds] [connections] [rounds]"""
import base64, hashlib, hmac, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, time
import urllib.parse, urllib.request

CHORUS, NOOP = sys.argv[1], sys.argv[2]
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 10
CONNECTIONS = int(sys.argv[4]) if len(sys.argv) > 4 else 64
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 3
THREADS = 2           # one wrk thread alone cannot keep the no-op route busy
RATE_CEILING = 40_000  # requests generated per second measured; the no-op route goes round them again
SLOTS = 500           # senders texting side by side in each thread: a sender's next text is this far behind
TOKEN = "bench-twilio-auth-token"
PUBLIC_URL = "https://sms.example.org"
SURVEY = "Surveys/safety-priorities.xml"
HERE = os.path.dirname(os.path.abspath(__file__))
random.seed(20_000)


def picks(low, high, count):
    return random.sample(range(low, high + 1), count)


def listed(numbers):
    separator = random.choice([" ", ",", ", "])
    return separator.join(map(str, numbers))


def conversation(spanish):
    """One sender's texts through Surveys/safety-priorities.xml, each a valid reply to the question
    it answers (show-if rules followed), ending with the text that completes the survey."""
    yes, no = ("SI", "NO") if spanish else ("yes", "no")
    texts = ["hola", "ES"] if spanish else [random.choice(["SAFE", "Hi", "hello"])]
    texts.append(yes)                                        # consent
    area = random.randint(1, 7)
    texts.append(str(area))
    if area != 6:                                            # years-here: not for "outside the city"
        texts.append(str(random.randint(1, 5)))
    concerns = picks(1, 8, 3)
    texts.append(listed(concerns))
    if 1 in concerns:                                        # traffic-where
        texts.append(listed(picks(1, 6, random.randint(1, 3))))
    if 7 in concerns:                                        # police-help
        texts.append(listed(picks(1, 6, random.randint(1, 2))))
    safe = random.randint(1, 5)
    texts.append(str(safe))
    if safe <= 2:                                            # safer-with
        texts.append(listed(picks(1, 6, random.randint(1, 3))))
    texts.append(str(random.randint(1, 5)))                  # city-listens
    texts.append(random.choice([yes, no]))                   # no-911
    texts.append(random.choice([yes, no]))                   # join-meeting (its note travels along)
    texts.append(random.choice(["Mas luz en las calles", "SALTAR"] if spanish
                               else ["Better lights on Main St", "skip", "More youth programs"]))
    return texts


def signed_request(number, text):
    """The raw HTTP request Twilio would send for one text, with its X-Twilio-Signature."""
    fields = [
        ("ToCountry", "US"), ("ToState", "IL"), ("SmsMessageSid", None), ("NumMedia", "0"), ("ToCity", "CHICAGO"),
        ("FromZip", ""), ("SmsSid", None), ("FromState", ""), ("SmsStatus", "received"), ("FromCity", ""),
        ("Body", text), ("FromCountry", "US"), ("To", "+13125550100"), ("ToZip", "60601"), ("NumSegments", "1"),
        ("MessageSid", None), ("AccountSid", "AC" + "0" * 32), ("From", number), ("ApiVersion", "2010-04-01"),
    ]
    sid = "SM" + "%032x" % random.getrandbits(128)
    fields = [(name, sid if value is None else value) for name, value in fields]
    signed = PUBLIC_URL + "/sms/twilio" + "".join(name + value for name, value in sorted(fields))
    signature = base64.b64encode(hmac.new(TOKEN.encode(), signed.encode(), hashlib.sha1).digest()).decode()
    body = urllib.parse.urlencode(fields).encode()
    head = ("POST /sms/twilio HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {signature}\r\n"
            f"I-Twilio-Idempotency-Token: {sid}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


def stream(thread, count):
    """`count` requests for one wrk thread: SLOTS senders side by side, each slot taking its sender's
    next text in turn and a new sender when one finishes. Also returns, for each request, whether it
    completes a survey."""
    requests, completes = [], []
    senders = iter(range(thread * 10_000_000, (thread + 1) * 10_000_000))
    slots = [None] * SLOTS
    while len(requests) < count:
        for index in range(SLOTS):
            if not slots[index]:
                sender = next(senders)
                slots[index] = ("+1555%07d" % sender, list(reversed(conversation(sender % 3 == 0))))
            number, texts = slots[index]
            requests.append(signed_request(number, texts.pop()))
            completes.append(not texts)
            if not texts:
                slots[index] = None
    return requests[:count], completes[:count]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(arguments, port, environment=None):
    server = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, **(environment or {})))
    for _ in range(400):
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).status == 200:
                return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    sys.exit(f"webhook.py: {arguments[0]} did not start on port {port}")


def load(prefix, port, cycle=False):
    """Runs wrk against port with the requests under prefix, once or over and over; returns its
    counts and latencies."""
    for thread in range(THREADS):  # the marks of a thread that has read its file, from a run before
        if os.path.exists(f"{prefix}.read.{thread}"):
            os.remove(f"{prefix}.read.{thread}")
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS + 3:.0f}s", "--timeout", "10s",
         "-s", os.path.join(HERE, "webhook.lua"), f"http://127.0.0.1:{port}", "--", prefix, str(SECONDS), str(THREADS)] + (["cycle"] if cycle else []),
        check=True, capture_output=True, text=True).stdout
    line = re.search(r"^bench (.*)$", output, re.M).group(1)
    result = {key: int(value) for key, value in (pair.split("=") for pair in line.split())}
    result["threads"] = [int(sent) for sent in re.findall(r"^thread \d+ sent=(\d+)$", output, re.M)]
    if result["exhausted"]:
        sys.exit("webhook.py: wrk ran out of requests; generate more")
    return result


def stop(server):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run_round(prefix, ports, database, completes):
    """One run of the no-op route, then one of chorus on a new database, with what that database
    holds afterwards."""
    noop = start([NOOP, "--port", str(ports["noop"])], ports["noop"])
    try:
        baseline = load(prefix, ports["noop"], cycle=True)
    finally:
        stop(noop)
    chorus = start([CHORUS, "serve", "--db", database, "--listen", f"127.0.0.1:{ports['chorus']}",
                    "--public-url", PUBLIC_URL, SURVEY], ports["chorus"], {"CHORUS_TWILIO_AUTH_TOKEN": TOKEN})
    try:
        ours = load(prefix, ports["chorus"])
    finally:
        stop(chorus)
    db = sqlite3.connect(database, isolation_level=None)
    processed = db.execute("SELECT COUNT(*) FROM sms_messages").fetchone()[0]
    responses = db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    db.close()
    return {
        "baseline": baseline, "ours": ours, "processed": processed, "responses": responses,
        "complete": processed == ours["ok"] == ours["sent"] and ours["errors"] == 0,
        "finished": sum(sum(completes[thread][:sent]) for thread, sent in enumerate(ours["threads"])),
    }


def main():
    folder = tempfile.mkdtemp(prefix="chorus-webhook-bench-")
    try:
        measure(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(folder):
    ports = {"noop": free_port(), "chorus": free_port()}
    prefix = os.path.join(folder, "requests")
    per_thread = int(RATE_CEILING * SECONDS / THREADS)
    completes = []
    for thread in range(THREADS):
        requests, thread_completes = stream(thread, per_thread)
        completes.append(thread_completes)
        with open(f"{prefix}.{thread}", "wb") as file:
            file.write(b"".join(request + b"\0" for request in requests))

    runs = [run_round(prefix, ports, os.path.join(folder, f"bench-{number}.sqlite"), completes)
            for number in range(ROUNDS)]
    database = os.path.join(folder, f"bench-{ROUNDS - 1}.sqlite")
    size = sum(os.path.getsize(file) for file in (database, database + "-wal") if os.path.exists(file))
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA secure_delete = ON")
    started = time.perf_counter()
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rewrite = time.perf_counter() - started
    db.close()

    def median(values):
        return sorted(values)[len(values) // 2]

    rate = median([run["ours"]["ok"] / SECONDS for run in runs])
    base_rate = median([run["baseline"]["ok"] / SECONDS for run in runs])
    p99 = median([run["ours"]["p99"] for run in runs])
    base_p99 = median([run["baseline"]["p99"] for run in runs])
    # Each round's ratio pairs two runs made one after the other, so that the machine's drift cancels.
    ratio = median([run["ours"]["ok"] / run["baseline"]["ok"] for run in runs])
    answered = sum(run["ours"]["ok"] for run in runs)
    processed = sum(run["processed"] for run in runs)
    responses = sum(run["responses"] for run in runs)
    finished = sum(run["finished"] for run in runs)
    rows = [
        ("messages/s, every reply durable", f"{rate:,.0f}", f"no-op route {base_rate:,.0f}/s", ">= 20,000",
         rate >= 20_000),
        ("p99 latency", f"{p99 / 1000:.2f} ms", f"no-op route {base_p99 / 1000:.2f} ms", "<= 10 ms", p99 <= 10_000),
        ("ratio to the no-op route", f"{ratio:.0%}", "", ">= 40%", ratio >= 0.4),
        ("processed messages in the databases", f"{processed:,}", f"{answered:,} answered 2xx",
         "equal", all(run["complete"] for run in runs)),
        ("completed responses in the databases", f"{responses:,}", f"{finished:,} senders finished",
         "equal", all(run["responses"] == run["finished"] for run in runs)),
        ("hourly rewrite, replies wait meanwhile", f"{rewrite:.2f} s", f"{size / 2**20:.0f} MB database", "", None),
    ]
    each = ", ".join(f"{run['ours']['ok'] / SECONDS:,.0f} vs {run['baseline']['ok'] / SECONDS:,.0f}"
                     for run in runs)
    ours = runs[-1]["ours"]
    print(f"SMS webhook: {CONNECTIONS} connections, {SECONDS:.0f} s each, wrk and server on 2 cores, "
          f"medians of {ROUNDS} round{'' if ROUNDS == 1 else 's'}")
    print(f"(messages/s, chorus vs no-op, round by round: {each}; "
          f"last round p50 {ours['p50'] / 1000:.2f} ms, max {ours['max'] / 1000:.1f} ms)")
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for *cells, ok in rows:
        status = "" if ok is None else "  ok" if ok else "  MISSED"
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() + status)


main()
