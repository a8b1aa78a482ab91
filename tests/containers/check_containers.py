#!/usr/bin/env python3
"""Static checks of containers/ for a machine without a container engine.

- compose.yaml and kubernetes/*.yaml parse and have the keys a deployment needs;
- the Dockerfile has a build and a runtime stage, builds the `koodikoe` target with the
  test suite's CMake build, and the runtime stage runs exactly that build output;
- every `koodikoe serve|worker ...` command line in the manifests uses only options that the
  tested binary's --help lists;
- the runtime stage installs the toolchain of every language in judge/languages.yaml and the
  package of every shared library the tested binary needs.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


# Toolchain binaries of judge/languages.yaml -> the Debian package that provides them.
TOOL_PACKAGES = {
    "gcc": "gcc", "g++": "g++", "cc": "gcc", "python3": "python3", "pypy3": "pypy3",
    "javac": "openjdk-17-jdk-headless", "java": "openjdk-17-jdk-headless", "node": "nodejs",
    "rustc": "rustc", "go": "golang-go", "ghc": "ghc", "kotlinc": "kotlin",
    "fpc": "fp-compiler", "ruby": "ruby", "mcs": "mono-mcs", "mono": "mono-mcs", "bash": "bash",
}
# Libraries every debian:12 image has (essential packages).
BASE_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1", "liblzma5",
                 "libbz2-1.0", "libacl1", "libselinux1", "libpcre2-8-0", "libgmp10",
                 "libcrypt1", "libudev1", "libsystemd0", "libcap2", "libgcrypt20",
                 "libgpg-error0", "liblz4-1", "libxxhash0", "libseccomp2"}


def help_options(koodikoe, subcommand):
    out = subprocess.run([koodikoe, subcommand, "--help"], capture_output=True, text=True,
                         timeout=30)
    return set(re.findall(r"(--[a-z][a-z-]*)", out.stdout + out.stderr))


def check_command(koodikoe, where, args, known):
    if not args or args[0] not in ("serve", "worker"):
        return
    options = [a for a in args[1:] if isinstance(a, str) and a.startswith("--")]
    for option in options:
        check(option in known[args[0]],
              f"{where}: `koodikoe {args[0]}` has no option {option} (see its --help)")
    if args[0] == "worker":
        check("--db" in options, f"{where}: a worker needs --db")
        check("--server" in options, f"{where}: a worker needs --server to fetch packages")


def dockerfile_stages(text):
    return re.findall(r"^FROM\s+(\S+)\s+AS\s+(\S+)", text, re.M | re.I)


def runtime_packages(text):
    runtime = text.split("AS runtime", 1)[1].replace("\\\n", " ")
    packages = set()
    for match in re.finditer(r"apt-get install((?:\s+\S+)+?)\s+&&", runtime):
        packages.update(w for w in match.group(1).split() if not w.startswith("-"))
    return packages


def library_package(koodikoe, lib):
    """The Debian package of the file the dynamic loader picks for `lib`."""
    ldd = subprocess.run(["ldd", koodikoe], capture_output=True, text=True).stdout
    match = re.search(re.escape(lib) + r" => (\S+)", ldd)
    # The dynamic loader itself (needed for thread-local storage) is listed by its path.
    match = match or re.search(r"^\s*(/\S*/" + re.escape(lib) + r")\s", ldd, re.M)
    if not match:
        return ""
    path = match.group(1)
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.replace("/usr/lib/", "/lib/", 1) if c.startswith("/usr/lib/")
                   else c.replace("/lib/", "/usr/lib/", 1) for c in list(candidates)]
    for candidate in candidates:
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":", 1)[0].strip()
    return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--koodikoe", required=True)
    args = parser.parse_args()
    root = Path(args.source)
    containers = root / "containers"
    known = {sub: help_options(args.koodikoe, sub) for sub in ("serve", "worker")}
    check("--db" in known["worker"], "the tested binary has no `koodikoe worker --db`")

    # Dockerfile
    dockerfile = (containers / "Dockerfile").read_text()
    stages = dockerfile_stages(dockerfile)
    check([name for _, name in stages] == ["build", "runtime"],
          f"Dockerfile stages should be build, runtime; found {stages}")
    check(all(image.startswith("debian:12") for image, _ in stages),
          "both stages start from debian:12, the system the tests run on")
    check(re.search(r"cmake -S \. -B build .*-DCMAKE_BUILD_TYPE=Release", dockerfile),
          "the build stage configures build/ as the tests do")
    check(re.search(r"cmake --build build --target koodikoe\b", dockerfile),
          "the build stage builds the koodikoe target")
    for binary in ("koodikoe", "koodikoe-web"):
        check(f"COPY --from=build /opt/koodikoe/build/cli/{binary} build/cli/{binary}\n"
              in dockerfile, f"the runtime stage copies the built build/cli/{binary}")
    entry = re.search(r'^ENTRYPOINT\s+(\[.*\])', dockerfile, re.M)
    if check(entry, "the Dockerfile has an ENTRYPOINT"):
        check("/opt/koodikoe/build/cli/koodikoe" in yaml.safe_load(entry.group(1)),
              "the ENTRYPOINT runs the built binary")
    cmd = re.search(r'^CMD\s+(\[.*\])', dockerfile, re.M)
    if check(cmd, "the Dockerfile has a CMD"):
        check_command(args.koodikoe, "Dockerfile CMD", yaml.safe_load(cmd.group(1)), known)
    packages = runtime_packages(dockerfile)

    languages = yaml.safe_load((root / "judge/languages.yaml").read_text())
    entries = languages["languages"] if isinstance(languages, dict) else languages
    for language in entries:
        for key in ("compile", "run"):
            command = language.get(key) or []
            if command and command[0].startswith("/usr/bin/"):
                tool = command[0].rsplit("/", 1)[1]
                package = TOOL_PACKAGES.get(tool)
                if check(package, f"languages.yaml: {language['id']} uses {tool}; add its "
                                  "Debian package to check_containers.py and the Dockerfile"):
                    check(package in packages,
                          f"the runtime image lacks {package} ({tool}) for {language['id']}")

    # koodikoe execs koodikoe-web, built next to it, for the web commands.
    for binary in (args.koodikoe, str(Path(args.koodikoe).parent / "koodikoe-web")):
        needed = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True)
        check(needed.returncode == 0, f"cannot read {binary}")
        for lib in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", needed.stdout):
            package = library_package(binary, lib)
            if check(package, f"no Debian package owns {lib}, which {binary} needs"):
                check(package in packages or package in BASE_PACKAGES,
                      f"the runtime image lacks {package} ({lib})")

    # compose
    compose = yaml.safe_load((containers / "compose.yaml").read_text())
    services = compose.get("services", {})
    check({"postgres", "server", "worker"} <= set(services),
          "compose.yaml has postgres, server and worker services")
    for name in ("server", "worker"):
        service = services.get(name, {})
        check_command(args.koodikoe, f"compose {name}", service.get("command"), known)
        check("KOODIKOE_WORKER_TOKEN" in service.get("environment", {}),
              f"compose {name} gets the worker token")
    check(services.get("worker", {}).get("privileged") is True,
          "compose worker runs privileged (the sandbox's namespaces, mounts and cgroups)")
    db = services.get("server", {}).get("command", [])
    check(any(isinstance(a, str) and a.startswith("postgresql://") for a in db),
          "the compose server uses PostgreSQL")

    # kubernetes
    docs = []
    for path in sorted((containers / "kubernetes").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc is None:
                continue
            for key in ("apiVersion", "kind", "metadata"):
                check(key in doc, f"{path.name}: a document lacks {key}")
            docs.append((path.name, doc))
    by_kind = {}
    for name, doc in docs:
        by_kind.setdefault(doc.get("kind"), []).append(doc)
    deployments = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
    check({"koodikoe-server", "koodikoe-worker"} <= set(deployments),
          "kubernetes has the server and worker Deployments")
    check(any(s["metadata"]["name"] == "koodikoe-server" for s in by_kind.get("Service", [])),
          "kubernetes has the server Service")
    for name, deployment in deployments.items():
        spec = deployment["spec"]
        check(spec["selector"]["matchLabels"].items() <=
              spec["template"]["metadata"]["labels"].items(),
              f"{name}: the selector matches the pod labels")
        for container in spec["template"]["spec"]["containers"]:
            check_command(args.koodikoe, f"kubernetes {name}", container.get("args"), known)
            env = {e["name"] for e in container.get("env", [])}
            check("KOODIKOE_WORKER_TOKEN" in env, f"{name} gets the worker token")
            if name == "koodikoe-worker":
                security = container.get("securityContext", {})
                check(security.get("privileged") is True,
                      "the worker container is privileged (worker.yaml says why)")
                check("cpu" in container.get("resources", {}).get("limits", {}),
                      "the worker has a CPU limit (and --cores to match it)")
    hpas = by_kind.get("HorizontalPodAutoscaler", [])
    if check(hpas, "kubernetes has a HorizontalPodAutoscaler"):
        hpa = hpas[0]
        check(hpa["apiVersion"] == "autoscaling/v2", "the HPA uses autoscaling/v2")
        check(hpa["spec"]["scaleTargetRef"]["name"] == "koodikoe-worker",
              "the HPA scales the workers")
        metrics = [m for m in hpa["spec"]["metrics"]
                   if m.get("object", {}).get("metric", {}).get("name") == "koodikoe_queue_depth"]
        check(metrics, "the HPA scales on koodikoe_queue_depth")
        binary = (Path(args.koodikoe).parent / "koodikoe-web").read_bytes()
        check(b"koodikoe_queue_depth" in binary,
              "the tested binary exports koodikoe_queue_depth on /metrics")

    if failures:
        for failure in failures:
            print("FAIL:", failure)
        return 1
    print(f"containers: Dockerfile, compose.yaml and {len(docs)} Kubernetes objects check out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
