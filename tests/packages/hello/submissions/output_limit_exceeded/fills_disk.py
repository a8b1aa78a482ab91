# Greets correctly after writing 24 MiB in files of 2 MiB, each under the file size limit:
# the package's koodikoe.disk of 16 MiB is what stops it.
chunk = b"x" * (2 << 20)
for i in range(12):
    try:
        with open(f"/tmp/fill{i}", "wb") as f:
            f.write(chunk)
    except OSError:
        pass
print(f"Hello, {input().strip()}!")
