#!/usr/bin/env python3
"""Times a full `chorus export` against the equivalent GROUP BY queries in the sqlite3 shell, one
per published table, on the same database, at 100,000 and 1,000,000 responses, and prints the
ratio and chorus's peak memory. Usage: export.py CHORUS SURVEY [repetitions]

Databases are generated once and cached under .build/bench: a real kiosk registers the survey
(so the stored file and its hash are the real ones), then Python's sqlite3 adds the responses in
one transaction, following the survey's skip logic and favouring some answers over others."""
import json, os, pty, random, re, select, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

CHORUS, SURVEY = sys.argv[1], sys.argv[2]
REPETITIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
CACHE = os.path.join(".build", "bench")
SIZES = [100_000, 1_000_000]
SURVEY_ID = "safety-priorities"
# The version the file declares, which the generated responses answer; cached databases are per version.
VERSION = int(re.search(r'<survey\b[^>]*\bversion="(\d+)"', open(SURVEY, encoding="utf-8").read()).group(1))
SITES = ["Central Library", "Eastside Center", "Southside Branch", "Northgate Library"]
DAYS = [f"2026-{m:02d}-{d:02d}" for m in (9, 10, 11) for d in range(1, 29)]

AREAS = ["north", "east", "south", "west", "downtown", "elsewhere", "prefer-not"]
YEARS = ["under-1", "1-5", "6-15", "over-15", "prefer-not"]
CONCERNS = ["traffic", "housing", "violence", "drugs", "streets", "youth", "police", "mental-health"]
TRAFFIC = ["schools", "main-streets", "side-streets", "crossings", "bus-stops", "parks"]
POLICE = ["oversight", "responders", "anonymous-complaints", "public-reports", "language", "immigration"]
SAFER = ["lighting", "activity", "neighbors", "outreach", "transit", "patrols"]


def registered_seed(path):
    """A database in which a real kiosk registered the survey; the kiosk is then ended with its PIN."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, CHORUS_KIOSK_PIN="2468", TERM="xterm-256color")
        os.execve(CHORUS, [CHORUS, "kiosk", "--db", path, SURVEY], env)
    data, start = b"", time.time()
    while b"Choose your language" not in data and time.time() - start < 20:
        if select.select([fd], [], [], 0.5)[0]:
            data += os.read(fd, 65536)
    os.write(fd, b"\x18"); time.sleep(0.3); os.write(fd, b"2468\r")
    os.waitpid(pid, 0)
    os.close(fd)


def answers(rng):
    """One respondent's answers, as the schema stores them: (question, kind, value)."""
    area = rng.choices(AREAS, [30, 22, 25, 12, 6, 3, 2])[0]
    rows = [("area", "choice", area)]
    if area != "elsewhere" and rng.random() < 0.93:
        rows.append(("years-here", "choice", rng.choices(YEARS, [8, 25, 30, 32, 5])[0]))
    weights = [14, 22, 16, 10, 9, 12, 9, 8]
    ranked = []
    while len(ranked) < 3:
        pick = rng.choices(CONCERNS, weights)[0]
        if pick not in ranked:
            ranked.append(pick)
    rows.append(("concerns", "choices", json.dumps(ranked, separators=(",", ":"))))
    if "traffic" in ranked and rng.random() < 0.9:
        rows.append(("traffic-where", "choices", json.dumps(rng.sample(TRAFFIC, rng.randint(1, 3)), separators=(",", ":"))))
    if "police" in ranked and rng.random() < 0.9:
        rows.append(("police-help", "choices", json.dumps(rng.sample(POLICE, rng.randint(1, 2)), separators=(",", ":"))))
    night = rng.choices([1, 2, 3, 4, 5], [15, 25, 30, 20, 10])[0]
    rows.append(("safe-night", "number", float(night)))
    if night <= 2 and rng.random() < 0.9:
        rows.append(("safer-with", "choices", json.dumps(rng.sample(SAFER, rng.randint(1, 3)), separators=(",", ":"))))
    rows.append(("city-listens", "number", float(rng.choices([1, 2, 3, 4, 5], [25, 30, 25, 15, 5])[0])))
    if rng.random() < 0.95:
        rows.append(("no-911", "yes-no", int(rng.random() < 0.3)))
    rows.append(("join-meeting", "yes-no", int(rng.random() < 0.45)))
    if rng.random() < 0.25:
        rows.append(("idea", "text", "More lights near the bus stop and a crossing guard at the school"))
    return rows


def generate(count):
    path = os.path.join(CACHE, f"export-v{VERSION}-{count}.sqlite")
    if os.path.exists(path):
        return path
    os.makedirs(CACHE, exist_ok=True)
    partial = path + ".partial"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(partial + suffix):
            os.remove(partial + suffix)
    registered_seed(partial)
    rng = random.Random(count)
    started = time.time()
    db = sqlite3.connect(partial)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    db.executemany("INSERT OR IGNORE INTO sites (name) VALUES (?)", [(s,) for s in SITES])
    # Inserted in key order, as VACUUM would leave them, which is also the fastest way in.
    ids = sorted("%032x" % rng.getrandbits(128) for _ in range(count))
    batch_responses, batch_answers = [], []
    for id in ids:
        sms = rng.random() < 0.38
        batch_responses.append((id, SURVEY_ID, VERSION, "sms" if sms else "kiosk",
                                None if sms else rng.choices(SITES, [40, 25, 20, 15])[0],
                                "es" if rng.random() < 0.3 else "en", rng.choice(DAYS)))
        batch_answers.extend((id, q, kind, value) for q, kind, value in answers(rng))
        if len(batch_responses) >= 50_000:
            flush(db, batch_responses, batch_answers)
    flush(db, batch_responses, batch_answers)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.rename(partial, path)
    print(f"generated {count:,} responses in {time.time() - started:.0f} s: {path}", file=sys.stderr)
    return path


def flush(db, batch_responses, batch_answers):
    db.executemany("INSERT INTO responses (id, survey_id, survey_version, channel, site, language, day) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", batch_responses)
    db.executemany("INSERT INTO answers (response_id, question_id, kind, value) VALUES (?, ?, ?, ?)", batch_answers)
    batch_responses.clear(); batch_answers.clear()


def queries():
    """One GROUP BY query per table chorus export publishes, plus the Borda sums, on the same data."""
    scope = f"r.survey_id = '{SURVEY_ID}' AND r.survey_version = {VERSION}"
    single = ["area", "years-here", "safe-night", "city-listens", "no-911", "join-meeting"]
    several = ["concerns", "traffic-where", "police-help", "safer-with"]
    quasi = ["area", "years-here"]
    sql = [f"SELECT {column}, COUNT(*) FROM responses r WHERE {scope} GROUP BY 1;"
           for column in ("channel", "site", "language")]
    for question in single + several:
        value = "j.value" if question in several else "a.value"
        each = ", json_each(a.value) j" if question in several else ""
        base = f"FROM responses r JOIN answers a ON a.response_id = r.id{each}"
        where = f"WHERE {scope} AND a.question_id = '{question}'"
        sql.append(f"SELECT {value}, COUNT(*) {base} {where} GROUP BY 1;")
        for group in quasi:
            if group != question:
                sql.append(f"SELECT g.value, {value}, COUNT(*) {base} LEFT JOIN answers g ON g.response_id = r.id "
                           f"AND g.question_id = '{group}' {where} GROUP BY 1, 2;")
        for column in ("r.channel", "r.site"):
            sql.append(f"SELECT {column}, {value}, COUNT(*) {base} {where} GROUP BY 1, 2;")
    concerns = f"FROM responses r JOIN answers a ON a.response_id = r.id, json_each(a.value) j " \
               f"WHERE {scope} AND a.question_id = 'concerns'"
    sql.append(f"SELECT j.value, j.key, COUNT(*) {concerns} GROUP BY 1, 2;")
    sql.append(f"SELECT j.value, SUM(3 - j.key) {concerns} GROUP BY 1;")
    sql.append(f"SELECT COUNT(*) FROM responses r JOIN answers a ON a.response_id = r.id "
               f"WHERE {scope} AND a.question_id = 'idea';")
    return "\n".join(sql) + "\n"


def run(command, stdin=None):
    """Wall time and peak resident memory (MB) of one run.

    The peak is GNU time's: the kernel counts into a child's peak the memory of the process it was
    forked from, and this script holds a million generated responses, so its own wait4 would report
    Python's size, growing with the database, whenever chorus used less."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name] + command,
                                   stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if stdin:
            process.stdin.write(stdin.encode()); process.stdin.close()
        error = process.stderr.read().decode()
        status = process.wait()
        elapsed = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{command[0]} failed: {error}")
        return elapsed, int(peak.read().split()[-1]) / 1024


def main():
    sql = queries()
    work = tempfile.mkdtemp()
    rows = []
    try:
        for count in SIZES:
            database = generate(count)
            exports, references, peaks = [], [], []
            run(["sqlite3", "-readonly", database], sql)  # warm the page cache
            for repetition in range(REPETITIONS):
                out = os.path.join(work, f"release-{count}-{repetition}")
                elapsed, peak = run([CHORUS, "export", "--db", database, "--out", out, SURVEY_ID])
                exports.append(elapsed); peaks.append(peak)
                shutil.rmtree(out, ignore_errors=True)
                references.append(run(["sqlite3", "-readonly", database], sql)[0])
            ours, theirs = statistics.median(exports), statistics.median(references)
            rows.append((f"{count:,}", f"{ours:.2f} s", f"{theirs:.2f} s ({sql.count(';')} queries)",
                         f"{ours / theirs:.2f}x", "<= 0.25x", "ok" if ours / theirs <= 0.25 else "MISSED",
                         f"{max(peaks):.0f} MB"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    header = ("responses", "chorus export", "sqlite3 GROUP BY", "ratio", "target", "", "peak RSS")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    small, large = (float(r[-1].split()[0]) for r in rows)
    print(f"peak RSS at 1,000,000 / at 100,000: {large / small:.2f}x (target: flat, about 1x)")


main()
