#!/usr/bin/env python3
"""Verifies a ModelGov auditor's export offline, with the Python 3 standard library only.

    python3 verify.py modelgov-<model>-<time>.zip          # the ZIP itself
    python3 verify.py path/to/unpacked/export              # or the folder it was unpacked into
    python3 verify.py EXPORT --anchor 1234:9f86d0...       # also: a chain head published earlier

Checks, as README.md describes: (1) every file's size and SHA-256 against manifest.json, and that no file is
unlisted; (2) every event in audit/events.jsonl against its hash, recomputed from its fields; (3) that
audit/chain.jsonl is one unbroken run of links ending at the manifest's chain head, with every event at its
position; (4) that each evidence report's bytes have the SHA-256 recorded in its (hash-checked) creation
event; (5) optionally, that an anchor (chain position and hash published earlier) lies on the chain.
Prints what it checked and exits 0 when everything holds, 1 otherwise.
"""
import hashlib
import json
import os
import sys
import zipfile

SEP = "\x1f"  # ASCII unit separator between the hashed fields
OWN_FILES = ("manifest.json", "manifest.sha256")


class Export:
    """The export's files, from the ZIP or from a folder."""

    def __init__(self, location):
        self.files = {}
        if os.path.isdir(location):
            for root, _, names in os.walk(location):
                for name in names:
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, location).replace(os.sep, "/")
                    with open(full, "rb") as f:
                        self.files[rel] = f.read()
        else:
            with zipfile.ZipFile(location) as z:
                for info in z.infolist():
                    if not info.is_dir():
                        self.files[info.filename] = z.read(info)

    def text(self, path):
        return self.files[path].decode("utf-8")

    def jsonl(self, path):
        return [json.loads(line) for line in self.text(path).splitlines() if line.strip()]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def event_hash(e):
    """SHA-256 over the UTF-8 bytes of the fields joined by U+001F, in this order."""
    fields = [str(e["chainSeq"]), e["occurredAt"], e["actor"], e["action"], e["entityType"], e["entityId"],
              e["details"], e["prevHash"]]
    return sha256(SEP.join(fields).encode("utf-8"))


def check_manifest(export, manifest, problems):
    listed = {}
    for f in manifest["files"]:
        listed[f["path"]] = f
        data = export.files.get(f["path"])
        if data is None:
            problems.append("missing file: " + f["path"])
        elif len(data) != f["size"] or sha256(data) != f["sha256"]:
            problems.append("file differs from the manifest: " + f["path"])
    for path in export.files:
        if path not in listed and path not in OWN_FILES:
            problems.append("file not in the manifest: " + path)
    if "manifest.sha256" in export.files:
        for line in export.text("manifest.sha256").splitlines():
            if not line.strip():
                continue
            digest, path = line.split("  ", 1)
            data = export.files.get(path)
            if data is None or sha256(data) != digest:
                problems.append("manifest.sha256 does not match: " + path)
    return len(listed)


def check_chain(export, manifest, anchor, problems):
    events = export.jsonl("audit/events.jsonl")
    links = export.jsonl("audit/chain.jsonl")
    head = manifest["chainHead"]
    by_seq = {}
    previous = None
    for link in links:
        if previous is not None:
            if link["chainSeq"] != previous["chainSeq"] + 1:
                problems.append("chain gap after position %d" % previous["chainSeq"])
            if link["prevHash"] != previous["hash"]:
                problems.append("chain position %d does not link to the one before it" % link["chainSeq"])
        by_seq[link["chainSeq"]] = link
        previous = link
    if head["seq"] > 0:
        if previous is None or previous["chainSeq"] != head["seq"] or previous["hash"] != head["hash"]:
            problems.append("audit/chain.jsonl does not end at the manifest's chain head")
    for e in events:
        if event_hash(e) != e["hash"]:
            problems.append("event at chain position %s does not match its hash (altered)" % e["chainSeq"])
        link = by_seq.get(e["chainSeq"])
        if link is None or link["hash"] != e["hash"] or link["prevHash"] != e["prevHash"]:
            problems.append("event at chain position %s is not on the chain" % e["chainSeq"])
    seqs = [e["chainSeq"] for e in events]
    if seqs != sorted(set(seqs)):
        problems.append("audit/events.jsonl is not in chain order")
    if events and links and links[0]["chainSeq"] != events[0]["chainSeq"]:
        problems.append("audit/chain.jsonl does not start at the model's first event")
    if anchor is not None:
        seq, digest = anchor
        link = by_seq.get(seq)
        if link is None:
            problems.append("anchor position %d is outside this export's chain (%s..%s)"
                            % (seq, links[0]["chainSeq"] if links else "-", head["seq"]))
        elif link["hash"] != digest:
            problems.append("anchor position %d has another hash: the chain was rewritten" % seq)
    return events, links


def check_evidence(export, events, problems):
    recorded = {}
    for e in events:
        if e["action"] == "EVIDENCE_REPORT_CREATED":
            details = json.loads(e["details"])
            recorded[details.get("reportId")] = details.get("reportSha256")
    checked = 0
    for path in export.files:
        if path.startswith("evidence/") and path.endswith(".inputs.json"):
            meta = json.loads(export.text(path))
            report = export.files.get(meta["reportFile"])
            if report is None:
                problems.append("missing report file " + meta["reportFile"])
                continue
            if sha256(report) != meta["reportSha256"]:
                problems.append("report %s does not match its recorded SHA-256" % meta["id"])
            if recorded.get(meta["id"]) != meta["reportSha256"]:
                problems.append("report %s has no matching creation event in the audit trail" % meta["id"])
            checked += 1
    return checked


def main(argv):
    args = argv[1:]
    anchor = None
    if "--anchor" in args:
        i = args.index("--anchor")
        seq, digest = args[i + 1].split(":", 1)
        anchor = (int(seq), digest.strip().lower())
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__)
        return 2
    export = Export(args[0])
    problems = []
    try:
        manifest = json.loads(export.text("manifest.json"))
        files = check_manifest(export, manifest, problems)
        events, links = check_chain(export, manifest, anchor, problems)
        reports = check_evidence(export, events, problems)
    except (KeyError, ValueError, TypeError) as e:
        print("FAIL: the export is malformed (%s: %s)" % (type(e).__name__, e))
        print("NOT VERIFIED")
        return 1
    head = manifest["chainHead"]
    print("model %s, exported %s by %s" % (manifest["modelId"], manifest["exportedAt"], manifest["exportedBy"]))
    print("%d files, %d events of the model, %d chain links, %d evidence reports checked"
          % (files, len(events), len(links), reports))
    print("chain head: position %d, hash %s" % (head["seq"], head["hash"]))
    for p in problems:
        print("FAIL: " + p)
    print("VERIFIED" if not problems else "NOT VERIFIED")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
