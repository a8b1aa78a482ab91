# SQLite on files in /box and /tmp, as the full-stack exercises use it: four processes write
# one database at once, in WAL and in rollback-journal mode; SQLite's fcntl locks must work.
import os
import sqlite3

for place in ("/box", "/tmp"):
    for mode in ("wal", "delete"):
        path = f"{place}/{mode}.db"
        db = sqlite3.connect(path, timeout=60)
        db.execute(f"PRAGMA journal_mode={mode}")
        db.execute("CREATE TABLE t (worker INTEGER, n INTEGER)")
        db.commit()
        db.close()
        workers = []
        for worker in range(4):
            pid = os.fork()
            if pid == 0:
                db = sqlite3.connect(path, timeout=60)
                for n in range(50):
                    with db:
                        db.execute("INSERT INTO t VALUES (?, ?)", (worker, n))
                os._exit(0)
            workers.append(pid)
        failed = sum(1 for pid in workers if os.waitpid(pid, 0)[1] != 0)
        rows = sqlite3.connect(path).execute("SELECT COUNT(*) FROM t").fetchone()[0]
        print(f"{place} {mode}: {rows} rows, {failed} workers failed", flush=True)
