#!/usr/bin/env python3
"""Keeps the deploy files honest: run by .ci/run after the tests (it reads the built jars).

- Kustomize builds the production overlay (kubectl kustomize) and the result holds what the
  services need: ivr-service's Deployment and the bridge's StatefulSet with probes, the bridge's
  grace period above its drain limits, its data directory (the outbox) on a volume claim template
  and no pod-lifetime volume, PDBs, HPAs (the bridge's aimed at the StatefulSet), the ConfigMap
  naming the store, and the generated Secret.
- render.yaml and compose.yaml parse and name both services, with the drain budget consistent and
  the bridge's data directory on a Render disk and a compose named volume.
- The three Dockerfiles build the same way, copy paths the Maven build really produces, run on a
  Java 25 JRE and train their AOT cache with the command bin/aot-cache runs (.ci/run runs it with
  --check: each service starts with its cache required).
- mint-service-jwt.sh makes an HS256 token that verifies against its secret.
"""
import base64
import hashlib
import hmac
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
failures = []


def bridge_jvm():
    """The bridge's extra JVM options as the benchmark runs them (JvmOptions.BRIDGE_MANIFEST)."""
    source = (ROOT / "simulator/src/main/java/com/masseurmatch/waitlist/sim/bench/"
                     "JvmOptions.java").read_text()
    return re.search(r'BRIDGE_MANIFEST =\s*"([^"]*)"', source).group(1)


BRIDGE_JVM = bridge_jvm()


def check(condition, message):
    if not condition:
        failures.append(message)


def seconds(value):
    match = re.fullmatch(r"(\d+)(ms|s|m|h)?", str(value))
    number, unit = int(match.group(1)), match.group(2) or "s"
    return number * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]


def kustomize():
    if shutil.which("kubectl") is None:
        print("check: kubectl not found; parsing the manifests without kustomize")
        for file in (ROOT / "deploy/k8s").rglob("*.yaml"):
            list(yaml.safe_load_all(file.read_text()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "deploy/k8s", pathlib.Path(tmp) / "k8s")
        overlay = pathlib.Path(tmp) / "k8s/overlays/prod"
        shutil.copy(overlay / "secrets.env.example", overlay / "secrets.env")
        out = subprocess.run(["kubectl", "kustomize", str(overlay)], check=True,
                             capture_output=True, text=True).stdout
    docs = [d for d in yaml.safe_load_all(out) if d]
    kinds = sorted(d["kind"] for d in docs)
    for kind in ["ConfigMap", "Secret", "Deployment", "StatefulSet", "Service", "Ingress",
                 "PodDisruptionBudget", "HorizontalPodAutoscaler"]:
        check(kind in kinds, f"kustomize: no {kind}")
    deployments = {d["metadata"]["name"]: d for d in docs
                   if d["kind"] in ("Deployment", "StatefulSet")}
    check(deployments["realtime-bridge"]["kind"] == "StatefulSet",
          "kustomize: the bridge is not a StatefulSet (its outbox would die with its pod)")
    for name in ["ivr-service", "realtime-bridge"]:
        spec = deployments[name]["spec"]["template"]["spec"]
        app = spec["containers"][0]
        for probe in ["readinessProbe", "livenessProbe", "startupProbe"]:
            check(probe in app, f"kustomize: {name} has no {probe}")
        check(app["image"].startswith("ghcr.io/"), f"kustomize: {name} image not replaced")
        check(any(e.get("secretRef") for e in app["envFrom"]), f"kustomize: {name} has no secrets")
    bridge = deployments["realtime-bridge"]["spec"]["template"]["spec"]
    drain = seconds(next(e["value"] for e in bridge["containers"][0]["env"]
                         if e["name"] == "BRIDGE_DRAIN_LIMIT"))
    bridge_env = {e["name"]: e.get("value") for e in bridge["containers"][0]["env"]}
    outbox_drain = seconds(bridge_env.get("WAITLIST_OUTBOX_DRAIN_LIMIT", "20s"))
    check(bridge["terminationGracePeriodSeconds"] >= drain + 10 + 3 + outbox_drain,
          "kustomize: the bridge's grace period does not cover preStop + drain + shutdown"
          " + outbox drain")
    outbox_volume(deployments["realtime-bridge"])
    config = next(d for d in docs if d["kind"] == "ConfigMap")
    check(config["data"].get("WAITLIST_STORE") == "supabase",
          "kustomize: the ConfigMap does not name the store (WAITLIST_STORE)")
    hpa = {d["metadata"]["name"]: d for d in docs if d["kind"] == "HorizontalPodAutoscaler"}
    check(hpa["realtime-bridge"]["spec"]["scaleTargetRef"]["kind"] == "StatefulSet",
          "kustomize: the bridge's autoscaler does not target its StatefulSet")
    check(next((e["value"] for e in bridge["containers"][0]["env"]
                if e["name"] == "JDK_JAVA_OPTIONS"), None) == BRIDGE_JVM,
          "kustomize: the bridge's JDK_JAVA_OPTIONS differ from the benchmark's")
    print(f"check: kustomize built {len(docs)} objects")


DATA_DIR = "/deployments/data"  # WAITLIST_DATA_DIR in the images


def outbox_volume(bridge):
    """The bridge's data directory is a claim from the StatefulSet's template, never emptyDir."""
    spec = bridge["spec"]
    pod = spec["template"]["spec"]
    mount = next((m for m in pod["containers"][0].get("volumeMounts", [])
                  if m["mountPath"] == DATA_DIR), None)
    check(mount is not None, f"kustomize: nothing is mounted at the bridge's {DATA_DIR}")
    if mount is None:
        return
    templates = {t["metadata"]["name"]: t for t in spec.get("volumeClaimTemplates", [])}
    check(mount["name"] in templates,
          f"kustomize: the bridge's {DATA_DIR} is not on a volume claim template")
    check(all(v["name"] != mount["name"] for v in pod.get("volumes", [])),
          f"kustomize: the bridge's {DATA_DIR} is also a pod volume (lost with the pod)")
    retention = spec.get("persistentVolumeClaimRetentionPolicy", {})
    check(retention.get("whenScaled", "Retain") == "Retain",
          "kustomize: a scale-down would delete the outbox's claim")


def render():
    blueprint = yaml.safe_load((ROOT / "render.yaml").read_text())
    services = {s["name"]: s for s in blueprint["services"]}
    check(set(services) == {"ivr-service", "realtime-bridge"}, "render: services")
    for name, service in services.items():
        check((ROOT / service["dockerfilePath"]).is_file(), f"render: {name} Dockerfile missing")
        check(service["healthCheckPath"] == "/q/health/live", f"render: {name} health check")
        for var in service["envVars"]:
            if var.get("key") in {"OPENAI_API_KEY", "TWILIO_AUTH_TOKEN", "SUPABASE_SERVICE_ROLE_KEY",
                                  "ADMIN_TOKEN"}:
                check(var.get("sync") is False, f"render: {name} syncs the secret {var['key']}")
    bridge = services["realtime-bridge"]
    drain = seconds(next(v["value"] for v in bridge["envVars"] if v.get("key") == "BRIDGE_DRAIN_LIMIT"))
    outbox_drain = seconds(next((v["value"] for v in bridge["envVars"]
                                 if v.get("key") == "WAITLIST_OUTBOX_DRAIN_LIMIT"), "20s"))
    check(bridge["maxShutdownDelaySeconds"] >= drain + 3 + outbox_drain,
          "render: shutdown delay below the drains")
    check(bridge.get("disk", {}).get("mountPath") == DATA_DIR,
          f"render: the bridge has no persistent disk at {DATA_DIR} (its outbox)")
    check(bridge.get("numInstances", 1) == 1 and "scaling" not in bridge,
          "render: a service with a disk runs one instance")
    for name, service in services.items():
        store = next((v.get("value") for v in service["envVars"]
                      if v.get("key") == "WAITLIST_STORE"), None)
        check(store == "supabase", f"render: {name} does not name its store (WAITLIST_STORE)")
    check(next((v["value"] for v in bridge["envVars"] if v.get("key") == "JDK_JAVA_OPTIONS"), None)
          == BRIDGE_JVM, "render: the bridge's JDK_JAVA_OPTIONS differ from the benchmark's")


def compose():
    spec = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = spec["services"]
    for name in ["db", "postgrest", "gateway", "ivr-service", "realtime-bridge"]:
        check(name in services, f"compose: no {name}")
    for volume in services["db"]["volumes"]:
        source = volume.split(":")[0]
        if source.startswith("./"):
            check((ROOT / source).exists(), f"compose: {source} missing")
    drain = seconds(services["realtime-bridge"]["environment"]["BRIDGE_DRAIN_LIMIT"])
    outbox_drain = seconds(services["realtime-bridge"]["environment"].get(
        "WAITLIST_OUTBOX_DRAIN_LIMIT", "20s"))
    check(seconds(services["realtime-bridge"]["stop_grace_period"]) >= drain + 3 + outbox_drain,
          "compose: stop_grace_period below the drains")
    check(services["realtime-bridge"]["environment"].get("JDK_JAVA_OPTIONS") == BRIDGE_JVM,
          "compose: the bridge's JDK_JAVA_OPTIONS differ from the benchmark's")
    named = spec.get("volumes", {})
    check(any(v.split(":")[0] in named and v.split(":")[1] == DATA_DIR
              for v in services["realtime-bridge"].get("volumes", [])),
          f"compose: the bridge's {DATA_DIR} is not a named volume")
    for name in ["ivr-service", "realtime-bridge"]:
        check(services[name]["environment"].get("WAITLIST_STORE") == "supabase",
              f"compose: {name} does not name its store (WAITLIST_STORE)")


def dockerfiles():
    def body(path):
        return [l for l in path.read_text().splitlines()
                if l and not l.startswith("#") and not l.startswith("ARG MODULE=")]
    generic = body(ROOT / "deploy/docker/Dockerfile.jvm")
    for module in ["ivr-service", "realtime-bridge"]:
        specific = ROOT / f"deploy/docker/{module}.Dockerfile"
        check(body(specific) == generic, f"docker: {specific.name} differs from Dockerfile.jvm")
        check(f"ARG MODULE={module}" in specific.read_text(), f"docker: {specific.name} module")
        app = ROOT / module / "target/quarkus-app"
        for part in ["lib", "app", "quarkus", "quarkus-run.jar"]:
            check((app / part).exists(), f"docker: {module} build has no {part} to copy")
    aot_cache("\n".join(generic))


def aot_cache(dockerfile):
    """The image trains its AOT cache with the command bin/aot-cache runs (which .ci/run runs with
    --check, starting each service with its cache required) and runs from the directory and with
    the jar path it trained with."""
    train = re.search(r'^RUN java .*-jar /opt/simulator/simulator.jar (aot-train --module '
                      r'"\$\{MODULE\}") --app /deployments$', dockerfile, re.M)
    check(train is not None, "docker: no AOT training step")
    script = (ROOT / "bin/aot-cache").read_text()
    check(train is not None and 'aot-train --module "$1"' in script,
          "docker: the image and bin/aot-cache train their AOT caches differently")
    opts = re.search(r'JAVA_OPTS="([^"]*)"', dockerfile)
    check(opts is not None and "-XX:AOTCache=app.aot" in opts.group(1).split(),
          "docker: JAVA_OPTS does not use the AOT cache")
    check("WORKDIR /deployments" in dockerfile
          and 'exec java $JAVA_OPTS -jar quarkus-run.jar"]' in dockerfile,
          "docker: the service does not run from /deployments as trained")
    check(re.search(r"^FROM eclipse-temurin:(\d+)-jre", dockerfile, re.M) is not None
          and all(int(v) >= 25 for v in re.findall(r"^FROM eclipse-temurin:(\d+)-jre", dockerfile,
                                                   re.M)),
          "docker: the runtime is not a Java 25 JRE")


def mint():
    secret = "check-secret-0123456789abcdef0123456789"
    token = subprocess.run([str(ROOT / "deploy/compose/mint-service-jwt.sh")], check=True,
                           capture_output=True, text=True,
                           env={**os.environ, "JWT_SECRET": secret}).stdout.strip()
    header, payload, signature = token.split(".")
    expected = base64.urlsafe_b64encode(
        hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    ).rstrip(b"=").decode()
    check(hmac.compare_digest(signature, expected), "mint: signature does not verify")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    check(claims["role"] == "service_role", "mint: role")
    check(claims["exp"] > time.time() + 365 * 24 * 3600, "mint: expiry")
    short = subprocess.run([str(ROOT / "deploy/compose/mint-service-jwt.sh")],
                           capture_output=True, text=True, env={**os.environ, "JWT_SECRET": "short"})
    check(short.returncode != 0, "mint: accepted a short secret")


for step in [kustomize, render, compose, dockerfiles, mint]:
    step()
for script in ["bin/run-local", "bin/test", ".ci/run", "deploy/compose/initdb/00-init.sh"]:
    check(subprocess.run(["bash", "-n", str(ROOT / script)]).returncode == 0, f"syntax: {script}")

if failures:
    print("deploy check failed:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("deploy check: all checks passed")
