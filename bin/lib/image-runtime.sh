# Sourced by bin/check-image-runtime and bin/measure-jar: lays out and starts ModelGov on this machine the
# way docker/Dockerfile's runtime stage does, reading every command from the Dockerfile itself (the jar
# extraction, the layer copies, the CDS training run, ENTRYPOINT, HEALTHCHECK), so the container's start
# is measured and checked without a Docker engine. Needs python3 (to read the Dockerfile) and a JDK 17.

IMAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DOCKERFILE="$IMAGE_ROOT/docker/Dockerfile"

# prints one instruction of the Dockerfile as the argument list it stands for, one argument a line:
#   dockerfile_part entrypoint | healthcheck        exec-form JSON arrays (HEALTHCHECK: its CMD)
#   dockerfile_part run TEXT                         the shell command of the first RUN containing TEXT
#   dockerfile_part layers                           the sources of COPY --from=extract, in order
dockerfile_part() {
  python3 - "$DOCKERFILE" "$@" <<'PY'
import json, re, sys
path, what = sys.argv[1], sys.argv[2]
lines, current = [], ""
for raw in open(path, encoding="utf-8"):
    line = raw.rstrip("\n")
    if not current and (not line.strip() or line.lstrip().startswith("#")):
        continue
    if line.lstrip().startswith("#"):          # a comment inside a continued instruction
        continue
    if line.endswith("\\"):
        current += line[:-1] + " "
        continue
    lines.append(current + line)
    current = ""
def parts(keyword):
    return [l.strip()[len(keyword):].strip() for l in lines if l.strip().upper().startswith(keyword + " ")]
if what == "entrypoint":
    print("\n".join(json.loads(parts("ENTRYPOINT")[-1])))
elif what == "healthcheck":
    cmd = parts("HEALTHCHECK")[-1]
    print("\n".join(json.loads(cmd[cmd.index("CMD") + 3:].strip())))
elif what == "run":
    print(next(r for r in parts("RUN") if sys.argv[3] in r))
elif what == "layers":
    for c in parts("COPY"):
        m = re.match(r"--from=extract\s+(\S+)\s+\./?$", c)
        if m:
            print(m.group(1))
PY
}

# lays out the runtime stage's /app in $2 from the executable jar $1: the extract stage's RUN (its /modelgov.jar
# and /extracted mapped into a scratch folder), the COPY --from=extract layers in order, docker/jvm.options,
# then the CDS training RUN, run by sh in that folder as the Dockerfile's RUN does (the JVM's own training
# output goes to $2.train.log)
image_layout() {
  local jar="$1" app="$2" scratch extract training layer
  scratch="$(mktemp -d)"
  cp "$jar" "$scratch/modelgov.jar"
  extract="$(dockerfile_part run "jarmode=tools")"
  extract="${extract//\/modelgov.jar/$scratch/modelgov.jar}"
  extract="${extract//\/extracted/$scratch/extracted}"
  sh -c "$extract"
  mkdir -p "$app"
  while read -r layer; do
    cp -a "$scratch${layer%/}/." "$app/"
  done < <(dockerfile_part layers)
  cp "$IMAGE_ROOT/docker/jvm.options" "$app/"
  rm -rf "$scratch"
  training="$(dockerfile_part run "ArchiveClassesAtExit")"
  # its scratch folder (home and tmpdir, removed by the same RUN) moves beside $app: /tmp is shared here
  training="${training//\/tmp\/cds/$app.cds-scratch}"
  (cd "$app" && sh -c "$training") > "$app.train.log" 2>&1 \
    || { echo "CDS training run failed: $app.train.log" >&2; return 1; }
}

# the ENTRYPOINT as an array in IMAGE_ENTRYPOINT, to run in the laid-out folder
image_entrypoint() { mapfile -t IMAGE_ENTRYPOINT < <(dockerfile_part entrypoint); }

# the HEALTHCHECK command as an array in IMAGE_HEALTHCHECK, with port 8080 replaced by $1 (the Dockerfile
# checks 8080 inside the container; here the node may listen elsewhere)
image_healthcheck() {
  mapfile -t IMAGE_HEALTHCHECK < <(dockerfile_part healthcheck)
  IMAGE_HEALTHCHECK=("${IMAGE_HEALTHCHECK[@]//127.0.0.1:8080/127.0.0.1:$1}")
}
